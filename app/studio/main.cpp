// evograph-studio: the desktop workbench. `evograph-studio [FILE...]` opens the files given.

#include "main_window.h"

#include <QApplication>
#include <QCommandLineParser>

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("evograph-studio"));
    QApplication::setOrganizationName(QStringLiteral("evograph"));
    QApplication::setApplicationVersion(QStringLiteral(EVOGRAPH_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("evograph-studio"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Workbench for evolving and migrating RDF ontologies"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(
        QStringLiteral("files"), QStringLiteral("RDF files to open"), QStringLiteral("[FILE...]"));
    parser.process(app);

    evograph::ui::MainWindow window;
    window.show();
    window.openFiles(parser.positionalArguments());
    return app.exec();
}
