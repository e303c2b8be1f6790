// evograph-studio: the desktop workbench. `evograph-studio [FILE...]` opens the files given.

#include "main_window.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>

#include <memory>

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
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
        QStringLiteral("Save a picture of the window to FILE once the files are open, then quit."),
        QStringLiteral("FILE"));
    parser.addOption(screenshot);
    parser.addPositionalArgument(
        QStringLiteral("files"), QStringLiteral("RDF files to open"), QStringLiteral("[FILE...]"));
    parser.process(app);

    evograph::ui::MainWindow window;
    window.show();
    const QStringList files = parser.positionalArguments();
    if (parser.isSet(screenshot)) {
        // Used by scripts/screenshots.sh under Xvfb: wait for every file, let the window paint, grab it.
        auto remaining = std::make_shared<int>(static_cast<int>(files.size()));
        auto shoot = [&window, path = parser.value(screenshot)] {
            QTimer::singleShot(500, &window, [&window, path] {
                const bool saved = window.grab().save(path);
                QApplication::exit(saved ? 0 : 2);
            });
        };
        auto countDown = [remaining, shoot] {
            if (--*remaining == 0)
                shoot();
        };
        QObject::connect(&window, &evograph::ui::MainWindow::fileOpened, &window, countDown);
        QObject::connect(&window.engine(), &evograph::ui::EngineAdapter::jobFailed, &window, countDown);
        if (files.isEmpty())
            shoot();
    }
    window.openFiles(files);
    return app.exec();
}
