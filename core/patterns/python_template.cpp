#include "patterns/python_template.h"

#include "patterns/python_repr.h"

#include <QFile>

#include <stdexcept>
#include <vector>

namespace tasklane {

namespace {

const std::string& lookup(const TemplateValues& values, const std::string& name) {
    const auto it = values.find(name);
    if (it == values.end())
        throw std::runtime_error("Python template: no value for {{" + name + "}}");
    return it->second;
}

// The name in a control line "{{#if name}}", or empty when `line` is not one.
std::string_view controlName(std::string_view line, std::string_view opening) {
    std::size_t first = line.find_first_not_of(' ');
    if (first == std::string_view::npos)
        return {};
    line.remove_prefix(first);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r'))
        line.remove_suffix(1);
    if (line.substr(0, opening.size()) != opening || line.size() < opening.size() + 2 ||
        line.substr(line.size() - 2) != "}}")
        return {};
    return line.substr(opening.size(), line.size() - opening.size() - 2);
}

bool isControl(std::string_view line, std::string_view word) {
    std::size_t first = line.find_first_not_of(' ');
    if (first == std::string_view::npos)
        return false;
    line.remove_prefix(first);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r'))
        line.remove_suffix(1);
    return line == word;
}

std::string substitute(std::string_view line, const TemplateValues& values) {
    std::string out;
    std::size_t pos = 0;
    for (;;) {
        const std::size_t open = line.find("{{", pos);
        if (open == std::string_view::npos) {
            out.append(line.substr(pos));
            return out;
        }
        const std::size_t close = line.find("}}", open + 2);
        if (close == std::string_view::npos)
            throw std::runtime_error("Python template: unclosed {{ in \"" + std::string(line) +
                                     "\"");
        out.append(line.substr(pos, open - pos));
        out.append(lookup(values, std::string(line.substr(open + 2, close - open - 2))));
        pos = close + 2;
    }
}

} // namespace

std::string renderTemplate(std::string_view text, const TemplateValues& values) {
    std::string out;
    // One entry per open block: whether its lines are kept, and whether its parent's are.
    struct Block {
        bool keep;
        bool parentKeeps;
        bool sawElse;
    };
    std::vector<Block> blocks;
    const auto keeping = [&] { return blocks.empty() || blocks.back().keep; };
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t end = text.find('\n', pos);
        const bool lastLine = end == std::string_view::npos;
        if (lastLine)
            end = text.size();
        const std::string_view line = text.substr(pos, end - pos);
        pos = lastLine ? end : end + 1;
        if (const auto name = controlName(line, "{{#if "); !name.empty()) {
            const bool parent = keeping();
            blocks.push_back({parent && !lookup(values, std::string(name)).empty(), parent, false});
        } else if (isControl(line, "{{else}}")) {
            if (blocks.empty() || blocks.back().sawElse)
                throw std::runtime_error("Python template: {{else}} without {{#if}}");
            blocks.back().keep = blocks.back().parentKeeps && !blocks.back().keep;
            blocks.back().sawElse = true;
        } else if (isControl(line, "{{/if}}")) {
            if (blocks.empty())
                throw std::runtime_error("Python template: {{/if}} without {{#if}}");
            blocks.pop_back();
        } else if (keeping()) {
            out += substitute(line, values);
            if (!lastLine)
                out += '\n';
        }
    }
    if (!blocks.empty())
        throw std::runtime_error("Python template: {{#if}} without {{/if}}");
    return out;
}

TemplateValues workTemplateValues(const Params& p) {
    const double cpuMs = p.number("cpu-ms") * p.number("time-scale");
    const double ioMs = p.number("io-ms") * p.number("time-scale");
    TemplateValues v;
    v["work"] = flag(cpuMs > 0 || ioMs > 0);
    v["cpu"] = flag(cpuMs > 0);
    v["cpu_s"] = pythonNumber(cpuMs / 1000);
    v["cpu_ms"] = pythonNumber(cpuMs);
    v["io"] = flag(ioMs > 0);
    v["io_s"] = pythonNumber(ioMs / 1000);
    v["io_ms"] = pythonNumber(ioMs);
    return v;
}

std::string renderPythonTemplate(const std::string& name, const TemplateValues& values) {
    QFile file(QStringLiteral(":/python/%1.py").arg(QString::fromStdString(name)));
    if (!file.open(QIODevice::ReadOnly))
        throw std::runtime_error("no Python template for " + name);
    const QByteArray text = file.readAll();
    return renderTemplate(std::string_view(text.constData(), std::size_t(text.size())), values);
}

} // namespace tasklane
