// showErrorBox(): the window's warning for a run, an export or a file that failed. Non-blocking:
// a modal exec() would stall the event loop, and with it every run and every export.
#pragma once

#include <QString>

class QWidget;

namespace tasklane {

// Opens a warning box over `parent` (object name "error-box"; deleted when closed) with
// `title` as its heading and `details` under it.
void showErrorBox(QWidget* parent, const QString& title, const QString& details);

} // namespace tasklane
