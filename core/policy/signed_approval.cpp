#include "evograph/policy/signed_approval.h"

#include "evograph/engine/atomic_file.h"
#include "evograph/engine/file_read.h"
#include "evograph/engine/subprocess.h"
#include "evograph/error.h"

#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <system_error>

namespace evograph::policy {

namespace fs = std::filesystem;

namespace {
// A private directory for the bytes ssh-keygen reads and writes, removed with everything in it.
class ScratchDirectory {
public:
    ScratchDirectory()
    {
        std::string pattern = (fs::temp_directory_path() / "evograph-sign-XXXXXX").string();
        if (!::mkdtemp(pattern.data()))
            throw Error("cannot create a temporary directory in " + fs::temp_directory_path().string());
        m_path = pattern;
    }
    ~ScratchDirectory()
    {
        std::error_code ignored;
        fs::remove_all(m_path, ignored);
    }
    ScratchDirectory(const ScratchDirectory&) = delete;
    ScratchDirectory& operator=(const ScratchDirectory&) = delete;
    fs::path operator/(const std::string& name) const { return m_path / name; }

private:
    fs::path m_path;
};

std::string firstLine(const std::string& text)
{
    std::string line = text.substr(0, text.find('\n'));
    while (!line.empty() && (line.back() == '\r' || line.back() == ' '))
        line.pop_back();
    return line;
}

std::string sshKeygenSays(const engine::ProcessResult& result)
{
    const std::string said = firstLine(result.err.empty() ? result.out : result.err);
    return said.empty() ? "ssh-keygen exited with " + std::to_string(result.exitCode) : "ssh-keygen: " + said;
}
} // namespace

std::string signBytes(std::string_view bytes, const std::string& keyFile)
{
    if (!fs::exists(keyFile))
        throw Error(keyFile + ": no such key file");
    const ScratchDirectory scratch;
    const fs::path signedFile = scratch / "plan";
    engine::writeFileAtomically(signedFile.string(), bytes);
    // A file argument (not stdin) leaves ssh-keygen's stdin on the terminal for a passphrase.
    const engine::ProcessResult result = engine::runProcess(
        {"ssh-keygen", "-q", "-Y", "sign", "-f", keyFile, "-n", std::string(kPlanSignatureNamespace), signedFile});
    if (result.exitCode != 0)
        throw Error(keyFile + ": cannot sign with this key: " + sshKeygenSays(result));
    return engine::readWholeFile(signedFile.string() + ".sig", "the signature");
}

workspace::Approval SignedApproval::review(const std::string& planHash, const std::string& planName) const
{
    workspace::Approval approval;
    approval.planHash = planHash;
    approval.planName = planName;
    approval.decision = "approve";
    approval.reviewer = signer;
    approval.recordedBy = "SSH signature, " + key;
    approval.comment = "signed approval " + file;
    return approval;
}

std::string signerNamedBy(const std::string& approvalFile, const std::string& planFile)
{
    const std::string name = fs::path(approvalFile).filename().string();
    const std::string prefix = fs::path(planFile).filename().string() + ".", suffix = ".approval";
    if (name.size() <= prefix.size() + suffix.size() || !name.starts_with(prefix) || !name.ends_with(suffix))
        return {};
    return name.substr(prefix.size(), name.size() - prefix.size() - suffix.size());
}

SignedApproval verifySignedApproval(std::string_view bytes, const std::string& approvalFile,
    const std::string& allowedSigners, const std::string& expectedSigner)
{
    SignedApproval approval;
    approval.file = approvalFile;
    if (allowedSigners.empty()) {
        approval.problem = "the workspace names no allowed signers file (set policies.approvals.allowed_signers)";
        return approval;
    }
    if (!fs::is_regular_file(allowedSigners)) {
        approval.problem = "the allowed signers file " + allowedSigners + " does not exist";
        return approval;
    }
    if (!fs::is_regular_file(approvalFile)) {
        approval.problem = "no such file";
        return approval;
    }
    try {
        const ScratchDirectory scratch;
        const fs::path signedFile = scratch / "plan";
        engine::writeFileAtomically(signedFile.string(), bytes);
        const engine::ProcessResult principals
            = engine::runProcess({"ssh-keygen", "-Y", "find-principals", "-s", approvalFile, "-f", allowedSigners});
        if (principals.exitCode != 0) {
            approval.problem = "its key is not listed in " + allowedSigners + " (" + sshKeygenSays(principals) + ")";
            return approval;
        }
        std::istringstream names(principals.out);
        std::string principal, lastProblem, listedAs;
        while (std::getline(names, principal)) {
            if (principal.empty())
                continue;
            if (!expectedSigner.empty() && principal != expectedSigner) {
                listedAs += (listedAs.empty() ? "" : ", ") + principal;
                continue; // the file says whose approval it is: only that reviewer's key counts
            }
            const engine::ProcessResult verified
                = engine::runProcess({"ssh-keygen", "-Y", "verify", "-f", allowedSigners, "-I", principal, "-n",
                                         std::string(kPlanSignatureNamespace), "-s", approvalFile},
                    {signedFile.string()});
            if (verified.exitCode == 0) {
                // "Good "evograph-plan" signature for NAME with ED25519 key SHA256:…"
                const std::string said = firstLine(verified.out.empty() ? verified.err : verified.out);
                const auto with = said.find(" with ");
                approval.counts = true;
                approval.signer = principal;
                approval.key = with == std::string::npos ? said : said.substr(with + 6);
                return approval;
            }
            lastProblem = sshKeygenSays(verified);
        }
        if (lastProblem.empty() && !listedAs.empty()) {
            approval.problem = "it is named as " + expectedSigner + "'s approval, but its key is listed in "
                + allowedSigners + " for " + listedAs;
            return approval;
        }
        approval.problem = "the signature is not of this plan's exact bytes (was the plan edited after it was signed?"
                           " "
            + lastProblem + ")";
    } catch (const Error& e) {
        approval.problem = e.what();
    }
    return approval;
}

} // namespace evograph::policy
