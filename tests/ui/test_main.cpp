// GUI tests run headless: an offscreen QApplication with fixed DPI, then the Catch2 session.

#include <catch2/catch_session.hpp>

#include <QApplication>
#include <QStandardPaths>

int main(int argc, char** argv)
{
    qputenv("QT_QPA_PLATFORM", qgetenv("QT_QPA_PLATFORM").isEmpty() ? "offscreen" : qgetenv("QT_QPA_PLATFORM"));
    qputenv("QT_FONT_DPI", "96");
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true); // settings and data go to test locations
    QApplication::setOrganizationName(QStringLiteral("evograph-tests"));
    QApplication::setApplicationName(QStringLiteral("ui_tests"));
    return Catch::Session().run(argc, argv);
}
