# Warnings for our own targets only (third-party headers are included as SYSTEM by their targets).
add_library(evograph_warnings INTERFACE)
target_compile_options(evograph_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
  -Wunused -Woverloaded-virtual -Wdouble-promotion -Wformat=2 -Wimplicit-fallthrough)
