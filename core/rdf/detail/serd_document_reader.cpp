#include "serd_document_reader.h"

#include "document_builder.h"
#include "evograph/rdf/iri.h"
#include "evograph/rdf/well_known_vocabularies.h"
#include "serd_event_batch.h"

#include <serd/serd.h>

#include <cstdarg>
#include <cstring>
#include <exception>
#include <memory>
#include <thread>

namespace evograph::rdf::detail {

namespace {
constexpr std::size_t kPageSize = 64 * 1024;
constexpr std::uint64_t kProgressStep = 1 << 20;

std::string_view text(const SerdNode* node)
{
    return node ? std::string_view(reinterpret_cast<const char*>(node->buf), node->n_bytes) : std::string_view {};
}

SerdSyntax serdSyntax(Format format)
{
    switch (format) {
    case Format::NTriples:
        return SERD_NTRIPLES;
    case Format::NQuads:
        return SERD_NQUADS;
    case Format::TriG:
        return SERD_TRIG;
    default:
        return SERD_TURTLE;
    }
}

struct ReaderFree {
    void operator()(SerdReader* reader) const { serd_reader_free(reader); }
};

// Serd's first error message and where it was; later ones follow from the first.
struct ParserErrorSink {
    std::optional<SourcePosition> position;
    std::string message;

    static SerdStatus onError(void* handle, const SerdError* error)
    {
        auto* self = static_cast<ParserErrorSink*>(handle);
        if (!self->message.empty())
            return SERD_SUCCESS;
        char text[1024];
        va_list args;
        va_copy(args, *error->args);
        std::vsnprintf(text, sizeof text, error->fmt, args);
        va_end(args);
        std::string_view trimmed = text;
        while (!trimmed.empty() && (trimmed.back() == '\n' || trimmed.back() == ' '))
            trimmed.remove_suffix(1);
        self->message = trimmed.empty() ? "syntax error" : std::string(trimmed);
        // Serd reads the end of the input as the character -1 and reports it as one it cannot take
        // ("invalid IRI character (escape %FFFFFFFF)"): say what happened.
        if (self->message.find("%FFFFFFFF") != std::string::npos)
            self->message = self->message.starts_with("invalid IRI")
                ? "unexpected end of file inside an IRI (a '>' is missing)"
                : "unexpected end of file";
        self->position = SourcePosition {
            error->filename ? reinterpret_cast<const char*>(error->filename) : "", error->line, error->col + 1};
        return SERD_SUCCESS;
    }
};

// The state Serd's C callbacks work on: the base IRI and prefixes in force, and the builder.
class SerdHandler {
public:
    SerdHandler(Dataset& into, Format format, std::string base)
        : m_builder(into)
        , m_format(format)
        , m_base(std::move(base))
    {
    }

    DocumentBuilder& builder() { return m_builder; }

    static SerdStatus onBase(void* handle, const SerdNode* uri)
    {
        auto* self = static_cast<SerdHandler*>(handle);
        self->forgetRecentTerms();
        self->m_base = resolveIri(self->m_base, text(uri));
        self->m_builder.dataset().setBaseIri(self->m_base);
        return SERD_SUCCESS;
    }

    static SerdStatus onPrefix(void* handle, const SerdNode* name, const SerdNode* uri)
    {
        auto* self = static_cast<SerdHandler*>(handle);
        self->forgetRecentTerms();
        std::string iri = self->resolve(text(uri));
        self->m_builder.dataset().prefixes().set(std::string(text(name)), iri);
        self->m_prefixes.set(std::string(text(name)), std::move(iri));
        return SERD_SUCCESS;
    }

    static SerdStatus onStatement(void* handle, SerdStatementFlags, const SerdNode* graph, const SerdNode* subject,
        const SerdNode* predicate, const SerdNode* object, const SerdNode* datatype, const SerdNode* language)
    {
        auto* self = static_cast<SerdHandler*>(handle);
        const TermId s = self->m_recentSubject.get(subject, [&] { return self->term(subject); });
        const TermId p = self->m_recentPredicate.get(predicate, [&] { return self->term(predicate); });
        const TermId o = self->objectTerm(object, datatype, language);
        const TermId g = graph ? self->term(graph) : kNoTerm;
        if (self->m_builder.error() || !s || !p || !o || (graph && !g))
            return SERD_ERR_BAD_SYNTAX;
        self->m_builder.add(s, p, o, g);
        return SERD_SUCCESS;
    }

private:
    // The last node seen in one position and its id. Turtle repeats subjects (";") and
    // datatypes constantly: comparing bytes is much cheaper than hashing and probing.
    class RecentTerm {
    public:
        template <typename Make> TermId get(const SerdNode* node, Make make)
        {
            const std::string_view value = text(node);
            if (m_id != kNoTerm && node->type == m_type && value == m_text)
                return m_id;
            const TermId id = make();
            m_type = node->type, m_text.assign(value), m_id = id;
            return id;
        }
        void forget() { m_id = kNoTerm; }

    private:
        SerdType m_type = SERD_NOTHING;
        std::string m_text;
        TermId m_id = kNoTerm;
    };

    // A new base or prefix changes what the same text means.
    void forgetRecentTerms()
    {
        m_recentSubject.forget();
        m_recentPredicate.forget();
        m_recentDatatype.forget();
    }

    std::string resolve(std::string_view reference) const
    {
        return hasScheme(reference) ? std::string(reference) : resolveIri(m_base, reference);
    }

    // "undefined prefix 'owl:'", with the line to add when the prefix is a well-known one.
    static std::string undefinedPrefix(std::string_view prefix)
    {
        std::string message = "undefined prefix '" + std::string(prefix) + ":'";
        if (const auto known = wellKnownPrefix(prefix))
            message += "; add the line: @prefix " + std::string(prefix) + ": <" + std::string(known->ns) + "> .";
        return message;
    }

    TermId iriTerm(const SerdNode* node)
    {
        const std::string_view value = text(node);
        if (node->type == SERD_CURIE) {
            const auto colon = value.find(':');
            const auto ns = m_prefixes.iriFor(value.substr(0, colon));
            if (!ns) {
                m_builder.setError(undefinedPrefix(value.substr(0, colon)));
                return kNoTerm;
            }
            m_scratch.assign(*ns).append(value.substr(colon + 1));
            return m_builder.iri(m_scratch);
        }
        if (hasScheme(value))
            return m_builder.iri(value);
        if (m_format == Format::NTriples || m_format == Format::NQuads) {
            m_builder.setError(
                "relative IRI <" + std::string(value) + "> is not allowed in " + std::string(formatName(m_format)));
            return kNoTerm;
        }
        return m_builder.iri(resolveIri(m_base, value));
    }

    TermId term(const SerdNode* node)
    {
        switch (node->type) {
        case SERD_URI:
        case SERD_CURIE:
            return iriTerm(node);
        case SERD_BLANK:
            return m_builder.blank(text(node));
        default:
            m_builder.setError("a literal cannot be used here");
            return kNoTerm;
        }
    }

    TermId objectTerm(const SerdNode* node, const SerdNode* datatype, const SerdNode* language)
    {
        if (node->type != SERD_LITERAL)
            return term(node);
        std::string_view datatypeIri; // points into the dictionary, which never moves stored text
        if (datatype) {
            const TermId dt = m_recentDatatype.get(datatype, [&] { return iriTerm(datatype); });
            if (!dt)
                return kNoTerm;
            datatypeIri = m_builder.dataset().dictionary().term(dt).value;
        }
        return m_builder.literal(text(node), datatypeIri, text(language));
    }

    DocumentBuilder m_builder;
    Format m_format;
    std::string m_base;
    PrefixMap m_prefixes;
    std::string m_scratch;
    RecentTerm m_recentSubject, m_recentPredicate, m_recentDatatype;
};

size_t readSource(void* buffer, size_t size, size_t count, void* stream)
{
    return static_cast<ByteSource*>(stream)->read(static_cast<char*>(buffer), size * count);
}

int sourceError(void*)
{
    return 0;
} // ByteSource throws on I/O errors instead

// Records Serd's callbacks into batches on the parsing thread; see SerdEventBatch.
class SerdRecorder {
public:
    explicit SerdRecorder(BatchChannel& channel, const ByteSource& source)
        : m_channel(channel)
        , m_source(source)
    {
    }

    static SerdStatus onBase(void* handle, const SerdNode* uri)
    {
        return static_cast<SerdRecorder*>(handle)->record(SerdEventBatch::Kind::Base, {uri});
    }
    static SerdStatus onPrefix(void* handle, const SerdNode* name, const SerdNode* uri)
    {
        return static_cast<SerdRecorder*>(handle)->record(SerdEventBatch::Kind::Prefix, {name, uri});
    }
    static SerdStatus onStatement(void* handle, SerdStatementFlags, const SerdNode* graph, const SerdNode* subject,
        const SerdNode* predicate, const SerdNode* object, const SerdNode* datatype, const SerdNode* language)
    {
        return static_cast<SerdRecorder*>(handle)->record(
            SerdEventBatch::Kind::Statement, {graph, subject, predicate, object, datatype, language});
    }

    // Sends what is recorded.
    void flush()
    {
        if (m_batch && m_batch->events() > 0) {
            m_batch->sourceOffset = m_source.offset();
            m_channel.send(std::move(m_batch));
        }
    }
    bool stopped() const { return m_stopped; }

private:
    static constexpr std::size_t kBatchEvents = 4096;

    SerdStatus record(SerdEventBatch::Kind kind, std::initializer_list<const SerdNode*> nodes)
    {
        if (!m_batch && !(m_batch = m_channel.takeEmpty())) {
            m_stopped = true;
            return SERD_ERR_INTERNAL;
        }
        m_batch->add(kind, nodes);
        if (m_batch->events() >= kBatchEvents)
            flush();
        return SERD_SUCCESS;
    }

    BatchChannel& m_channel;
    const ByteSource& m_source;
    BatchChannel::BatchPtr m_batch;
    bool m_stopped = false;
};

struct SerdCallbacks {
    void* handle;
    SerdBaseSink base;
    SerdPrefixSink prefix;
    SerdStatementSink statement;
};

// Runs Serd over the source, calling `afterChunk()` (false stops) after each chunk. With pageSize 1
// Serd pulls byte by byte, so the source's position is exactly where Serd stopped: the
// error-locating pass uses that.
template <typename AfterChunk>
SerdStatus parse(ByteSource& source, Format format, const SerdCallbacks& callbacks, std::size_t pageSize,
    ParserErrorSink& errors, AfterChunk afterChunk)
{
    std::unique_ptr<SerdReader, ReaderFree> reader(serd_reader_new(
        serdSyntax(format), callbacks.handle, nullptr, callbacks.base, callbacks.prefix, callbacks.statement, nullptr));
    serd_reader_set_strict(reader.get(), true);
    serd_reader_set_error_sink(reader.get(), &ParserErrorSink::onError, &errors);

    const std::string& name = source.name();
    SerdStatus st = serd_reader_start_source_stream(
        reader.get(), &readSource, &sourceError, &source, reinterpret_cast<const uint8_t*>(name.c_str()), pageSize);
    // Ends the stream however the loop is left (cancellation throws): Serd frees its page buffer
    // only there, not in serd_reader_free.
    struct StreamEnd {
        SerdReader* reader;
        ~StreamEnd() { serd_reader_end_stream(reader); }
    } streamEnd {reader.get()};
    while (st == SERD_SUCCESS && afterChunk())
        st = serd_reader_read_chunk(reader.get());
    st = st == SERD_FAILURE ? SERD_SUCCESS : st; // SERD_FAILURE: end of input
    if (st == SERD_SUCCESS && !errors.message.empty())
        st = SERD_ERR_BAD_SYNTAX; // Serd recovered, but strict reading does not
    return st;
}

SerdCallbacks handlerCallbacks(SerdHandler& handler)
{
    return {&handler, &SerdHandler::onBase, &SerdHandler::onPrefix, &SerdHandler::onStatement};
}

// Replays a batch into the handler; false when the handler refused a statement.
bool replay(SerdEventBatch& batch, SerdHandler& handler)
{
    for (const SerdEventBatch::Event& event : batch.resolve()) {
        const SerdNode* n[SerdEventBatch::SlotCount];
        for (int i = 0; i < SerdEventBatch::SlotCount; ++i)
            n[i] = event.nodes[i].type == SERD_NOTHING ? nullptr : &event.nodes[i];
        SerdStatus st = SERD_SUCCESS;
        switch (event.kind) {
        case SerdEventBatch::Kind::Base:
            st = SerdHandler::onBase(&handler, n[0]);
            break;
        case SerdEventBatch::Kind::Prefix:
            st = SerdHandler::onPrefix(&handler, n[0], n[1]);
            break;
        case SerdEventBatch::Kind::Statement:
            using S = SerdEventBatch;
            st = SerdHandler::onStatement(
                &handler, 0, n[S::Graph], n[S::Subject], n[S::Predicate], n[S::Object], n[S::Datatype], n[S::Language]);
            break;
        }
        if (st != SERD_SUCCESS)
            return false;
    }
    return true;
}

// Serd parses on a second thread while this one interns terms and builds quads: on two cores the
// read takes about as long as the slower of the two instead of their sum.
struct PipelinedResult {
    SerdStatus status = SERD_SUCCESS;
    ParserErrorSink errors;
};

PipelinedResult parsePipelined(ByteSource& source, Format format, SerdHandler& handler,
    const engine::CancellationToken& cancel, const engine::ProgressCallback& progress)
{
    BatchChannel channel(4);
    PipelinedResult result;
    std::exception_ptr producerFailure;
    std::thread producer([&] {
        try {
            SerdRecorder recorder(channel, source);
            const SerdCallbacks callbacks {
                &recorder, &SerdRecorder::onBase, &SerdRecorder::onPrefix, &SerdRecorder::onStatement};
            result.status
                = parse(source, format, callbacks, kPageSize, result.errors, [&] { return !recorder.stopped(); });
            recorder.flush();
        } catch (...) {
            producerFailure = std::current_exception();
        }
        channel.finish();
    });
    struct StopProducer { // however this thread leaves, the producer is stopped and joined first
        BatchChannel& channel;
        std::thread& thread;
        void operator()()
        {
            channel.abandon();
            if (thread.joinable())
                thread.join();
        }
        ~StopProducer() { (*this)(); }
    } stopProducer {channel, producer};

    std::uint64_t nextProgress = kProgressStep;
    while (auto batch = channel.receive()) {
        const bool accepted = replay(*batch, handler);
        const std::uint64_t offset = batch->sourceOffset;
        channel.giveBack(std::move(batch));
        if (!accepted)
            break;
        cancel.checkpoint();
        if (progress && offset >= nextProgress) {
            progress(offset, source.size());
            nextProgress = offset + kProgressStep;
        }
    }
    stopProducer();
    if (producerFailure)
        std::rethrow_exception(producerFailure);
    return result;
}
} // namespace

std::uint64_t readWithSerd(ByteSource& source, Format format, Dataset& into, const std::string& baseIri,
    const engine::CancellationToken& cancel, const engine::ProgressCallback& progress, BlankLabels* blankLabels)
{
    SerdHandler handler(into, format, baseIri);
    PipelinedResult pass = parsePipelined(source, format, handler, cancel, progress);
    if (const auto& builderError = handler.builder().error()) {
        // Our own check failed inside a statement: Serd does not say where it was, so read again
        // byte by byte into a scratch dataset, on this thread, and stop where the same check fails.
        source.rewind();
        source.trackPosition(true);
        Dataset scratch;
        SerdHandler locator(scratch, format, baseIri);
        ParserErrorSink ignored;
        parse(source, format, handlerCallbacks(locator), 1, ignored, [&] {
            cancel.checkpoint();
            return !locator.builder().error();
        });
        throw Error(source.position(), *builderError);
    }
    if (pass.status == SERD_SUCCESS) {
        if (progress)
            progress(source.size(), source.size());
        if (blankLabels)
            *blankLabels = handler.builder().blankLabels();
        return handler.builder().statements();
    }
    if (pass.errors.position)
        throw Error(*pass.errors.position, pass.errors.message);
    throw Error(SourcePosition {source.name(), 0, 0},
        std::string("cannot read: ") + reinterpret_cast<const char*>(serd_strerror(pass.status)));
}

} // namespace evograph::rdf::detail
