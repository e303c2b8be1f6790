#pragma once
// Approvals signed with an SSH key, the way git signs commits: a detached OpenSSH signature (SSHSIG,
// namespace "evograph-plan") of a plan file's exact bytes. Such a file travels by mail or in a pull
// request; no shared workspace is needed. OpenSSH's own ssh-keygen does the cryptography
// (-Y sign, find-principals, verify), so a passphrase-protected key, or one that ssh-agent holds,
// works as it does for git, and `ssh-keygen -Y verify -f ALLOWED -I NAME -n evograph-plan -s FILE
// < PLAN` accepts what evograph writes.
//
// An approval counts when its key is listed in the workspace's allowed_signers file
// (Policy::allowedSigners) for a principal NAME and the signature is good for the plan's bytes; it
// then is NAME's approval, weighed by policy::decide like any other (NAME may not be the applier
// unless self-approval is allowed).

#include "evograph/workspace/migration_journal.h"

#include <string>
#include <string_view>
#include <vector>

namespace evograph::policy {

inline constexpr std::string_view kPlanSignatureNamespace = "evograph-plan";

// The armored signature ("-----BEGIN SSH SIGNATURE-----") of `bytes` by the key: a private key
// file, or a public key file whose private half ssh-agent holds. A passphrase is asked on the
// terminal by ssh-keygen. Throws evograph::Error with ssh-keygen's own words when it cannot sign.
std::string signBytes(std::string_view bytes, const std::string& keyFile);

struct SignedApproval {
    std::string file; // the approval file
    bool counts = false; // good signature of these bytes by a key the allowed signers list
    std::string signer; // the principal the allowed signers file names for the key
    std::string key; // "ED25519 key SHA256:…", as ssh-keygen reports it
    std::string problem; // why it does not count

    // As a reviewer's decision for policy::decide: reviewer = signer, recorded by the key.
    workspace::Approval review(const std::string& planHash, const std::string& planName) const;
};

// Checks one approval file against the signed bytes and the allowed signers file. Never throws
// for a bad approval: `problem` says what is wrong with it (unreadable, not a signature, a key
// nobody listed, a signature of other bytes, a key not listed for `expectedSigner`). With
// `expectedSigner` empty, any principal listed for the key is the signer.
SignedApproval verifySignedApproval(std::string_view bytes, const std::string& approvalFile,
    const std::string& allowedSigners, const std::string& expectedSigner = {});
// The reviewer an approval file's name gives ("plan.yaml.bob.approval" for plan.yaml: "bob"), or
// "" when the name is not of that form.
std::string signerNamedBy(const std::string& approvalFile, const std::string& planFile);

} // namespace evograph::policy
