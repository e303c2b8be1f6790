#pragma once
// Light and dark palettes (Fusion style), both readable, or the system's; the choice is kept in
// QSettings under "appearance/theme".

#include <QString>

namespace evograph::ui {

enum class Theme { System, Light, Dark };

void applyTheme(Theme theme);
Theme savedTheme();
void saveTheme(Theme theme);

} // namespace evograph::ui
