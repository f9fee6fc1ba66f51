// tasklane-cli: the runs of the window, headless, for scripts, slides and tests.
#include "command_line.h"

#include <QGuiApplication>

int main(int argc, char* argv[]) {
    // Charts need a QGuiApplication for fonts; a command-line tool must not need a display.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QGuiApplication::setApplicationName(QStringLiteral("tasklane-cli"));
    QGuiApplication::setApplicationVersion(QStringLiteral(PROJECT_VERSION));
    return tasklane::CommandLine().exec(QGuiApplication::arguments());
}
