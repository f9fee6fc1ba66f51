// tasklane-cli: the runs of the window, headless, for scripts, slides and tests.
#include "command_line.h"

#include <QGuiApplication>

#include <cerrno>
#include <sys/stat.h>
#include <unistd.h>

int main(int argc, char* argv[]) {
    // Charts need a QGuiApplication for fonts; a command-line tool must not need a display.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    // Run as root from a script there is no session: Qt then warns on every start and falls
    // back to /tmp/runtime-$USER itself. Choose that folder quietly, so stderr holds only
    // what the user needs to read.
    if (qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR")) {
        const QByteArray dir = "/tmp/runtime-" + QByteArray::number(::getuid());
        if (::mkdir(dir.constData(), 0700) == 0 || errno == EEXIST)
            qputenv("XDG_RUNTIME_DIR", dir);
    }
    QGuiApplication app(argc, argv);
    QGuiApplication::setApplicationName(QStringLiteral("tasklane-cli"));
    QGuiApplication::setApplicationVersion(QStringLiteral(PROJECT_VERSION));
    return tasklane::CommandLine().exec(QGuiApplication::arguments());
}
