// The embedding providers' JSON answers (OpenAI and Ollama shapes) and their error bodies. The
// first byte picks the kind and how many texts were asked for.
#include "fuzz_input.h"

#include "evograph/embed/embedding_answer.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace evograph;
    if (size == 0)
        return 0;
    const auto kind = data[0] & 1 ? config::ProviderKind::Ollama : config::ProviderKind::OpenAi;
    const std::size_t texts = data[0] >> 1 & 7;
    const std::string_view body = fuzz::text(data + 1, size - 1);
    embed::providerMessage(body);
    return fuzz::expectErrorsOnly([&] { embed::readEmbeddingAnswer(kind, body, texts); });
}
