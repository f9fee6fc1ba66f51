#include "error_box.h"

#include <QMessageBox>

namespace tasklane {

void showErrorBox(QWidget* parent, const QString& title, const QString& details) {
    auto* box = new QMessageBox(QMessageBox::Warning, title, title, QMessageBox::Ok, parent);
    box->setInformativeText(details);
    // Wide enough for a path and a reason: they otherwise wrap into a narrow column, a Korean
    // sentence between any two syllables.
    box->setStyleSheet(QStringLiteral("QLabel#qt_msgbox_informativelabel { min-width: 32em; }"));
    box->setObjectName(QStringLiteral("error-box"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

} // namespace tasklane
