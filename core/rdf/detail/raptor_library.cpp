#include "raptor_library.h"

#include "evograph/error.h"

#include <dlfcn.h>
#include <mutex>
#include <string>

namespace evograph::rdf::detail {

namespace {
RaptorLibrary load()
{
    // The SONAME raptor2's -dev package links against; kept loaded for the process's life.
    void* handle = ::dlopen("libraptor2.so.0", RTLD_NOW | RTLD_LOCAL);
    if (!handle)
        throw Error(std::string("RDF/XML needs libraptor2 (apt install libraptor2-0): ") + ::dlerror());
    RaptorLibrary library;
#define EVOGRAPH_RAPTOR_RESOLVE(name)                                                                                  \
    library.name = reinterpret_cast<decltype(library.name)>(::dlsym(handle, #name));                                   \
    if (!library.name)                                                                                                 \
        throw Error("libraptor2 has no " #name);
    EVOGRAPH_RAPTOR_FUNCTIONS(EVOGRAPH_RAPTOR_RESOLVE)
#undef EVOGRAPH_RAPTOR_RESOLVE
    return library;
}
} // namespace

const RaptorLibrary& raptor()
{
    static std::once_flag once;
    static RaptorLibrary library;
    std::call_once(once, [] { library = load(); });
    return library;
}

} // namespace evograph::rdf::detail
