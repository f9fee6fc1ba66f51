// ProcessCensus: what this process holds that a leak would leave behind: child processes
// (zombies included: a child not yet reaped still names this process as its parent) and open
// file descriptors. Take one before a run and one after; they must be equal.
#pragma once

#include <algorithm>
#include <dirent.h>
#include <fstream>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

namespace tasklane::test {

struct ProcessCensus {
    std::vector<int> children;         // pids whose parent is this process
    std::vector<std::string> fds;      // "N -> target" per open fd
    std::vector<std::string> mappings; // of Tasklane's shared memory (memfd:tasklane-*)

    static ProcessCensus take() {
        ProcessCensus c;
        const int self = ::getpid();
        if (DIR* proc = ::opendir("/proc")) {
            while (const dirent* e = ::readdir(proc)) {
                const std::string name = e->d_name;
                if (name.empty() || name.find_first_not_of("0123456789") != std::string::npos)
                    continue;
                std::ifstream stat("/proc/" + name + "/stat");
                std::string line;
                if (!std::getline(stat, line))
                    continue; // gone meanwhile
                // "pid (comm) state ppid ...": comm may hold spaces and parentheses.
                const auto close = line.rfind(')');
                if (close == std::string::npos)
                    continue;
                std::istringstream rest(line.substr(close + 1));
                std::string state;
                int ppid = 0;
                rest >> state >> ppid;
                if (ppid == self)
                    c.children.push_back(std::stoi(name));
            }
            ::closedir(proc);
        }
        if (DIR* dir = ::opendir("/proc/self/fd")) {
            const int own = ::dirfd(dir);
            while (const dirent* e = ::readdir(dir)) {
                const std::string name = e->d_name;
                if (name == "." || name == ".." || std::stoi(name) == own)
                    continue;
                char target[512] = {};
                const ssize_t n =
                    ::readlink(("/proc/self/fd/" + name).c_str(), target, sizeof target - 1);
                c.fds.push_back(name + " -> " + std::string(target, n > 0 ? std::size_t(n) : 0));
            }
            ::closedir(dir);
        }
        std::ifstream maps("/proc/self/maps");
        for (std::string line; std::getline(maps, line);)
            if (line.find("/memfd:tasklane") != std::string::npos)
                c.mappings.push_back(line);
        return c;
    }

    // What `after` holds that this census did not: empty when nothing leaked.
    std::string leaksIn(const ProcessCensus& after) const {
        std::string out;
        for (int pid : after.children)
            if (std::find(children.begin(), children.end(), pid) == children.end())
                out += "child " + std::to_string(pid) + "; ";
        for (const auto& fd : after.fds)
            if (std::find(fds.begin(), fds.end(), fd) == fds.end())
                out += "fd " + fd + "; ";
        for (const auto& m : after.mappings)
            if (std::find(mappings.begin(), mappings.end(), m) == mappings.end())
                out += "mapping " + m + "; ";
        return out;
    }
};

} // namespace tasklane::test
