#!/usr/bin/env bash
# Approvals signed with SSH keys, as two people on two machines use them: the reviewer signs the
# plan's bytes into a file (no workspace), OpenSSH's ssh-keygen accepts the file, and the applier's
# workspace counts it only for a key its allowed_signers file lists, for the plan's exact bytes, and
# not from the applier; passphrase-protected keys and ssh-agent work as they do for git.
set -uo pipefail
evograph="$1"; resources="$2"
source "$(dirname "$0")/harness.sh"
command -v ssh-keygen > /dev/null || { echo "SKIP: ssh-keygen is missing (install openssh-client)"; exit 0; }

me=$(id -un)
reviewer_home="$work/bob"; mkdir -p "$reviewer_home" # the reviewer's machine: their key, their copy of the plan
ws="$work/alice/ws.evograph"; mkdir -p "$work/alice"
v1="$resources/demo/user-v1.ttl"; v2="$resources/demo/user-v2.ttl"; data="$resources/demo/users-data.ttl"
"$evograph" ws init "$ws" > /dev/null
"$evograph" ws import "$ws" "$data" --graph users > /dev/null
plan="$work/alice/v1-to-v2.yaml"
"$evograph" migrate plan "$v1" "$v2" --data "$data" --graph users -o "$plan" > /dev/null
cp "$plan" "$reviewer_home/plan.yaml" # sent by mail

ssh-keygen -q -t ed25519 -N '' -C bob@reviewer -f "$reviewer_home/id_ed25519"
ssh-keygen -q -t ed25519 -N '' -C mallory -f "$work/mallory"
echo "bob $(cut -d' ' -f1,2 "$reviewer_home/id_ed25519.pub")" > "$work/alice/allowed_signers"

# --- the reviewer signs -------------------------------------------------------------------------
(cd "$reviewer_home" && "$evograph" migrate approve plan.yaml --as bob --sign-with id_ed25519 > "$work/signed.txt")
check "approve --sign-with exits 0 without a workspace" test $? -eq 0
approval="$reviewer_home/plan.yaml.bob.approval"
check "  writes PLAN.NAME.approval" grep -q "BEGIN SSH SIGNATURE" "$approval"
check "  and says how to pass it on" grep -q -- "--approval plan.yaml.bob.approval" "$work/signed.txt"
check "  leaving no lock or workspace behind" test -z "$(find "$reviewer_home" -name '*.lock' -o -name '*.evograph')"
ssh-keygen -Y verify -f "$work/alice/allowed_signers" -I bob -n evograph-plan -s "$approval" < "$plan" > /dev/null 2>&1
check "ssh-keygen -Y verify accepts the approval for the plan's bytes" test $? -eq 0
"$evograph" migrate approve "$reviewer_home/plan.yaml" --as bob --sign-with "$reviewer_home/id_ed25519" \
    -o "$work/named.approval" --format json > "$work/signed.json"
check "-o names the file; --format json reports it" json 'assert d["approval_file"].endswith("named.approval") and d["reviewer"] == "bob" and d["namespace"] == "evograph-plan", d' < "$work/signed.json"
"$evograph" migrate approve "$plan" --as bob --sign-with "$work/no-such-key" 2> "$work/err"
check "a missing key: exit 2, named" test $? -eq 2
check "  in the message" grep -q "no-such-key: no such key file" "$work/err"
"$evograph" migrate approve "$plan" --as bob -o "$work/x.approval" 2> /dev/null
check "-o without --sign-with is refused (exit 2)" test $? -eq 2

# --- the applier counts it ----------------------------------------------------------------------
"$evograph" migrate apply "$plan" --workspace "$ws" --approval "$approval" --yes 2> "$work/err"
check "before the workspace names allowed signers: refused (exit 3)" test $? -eq 3
check "  saying which setting is missing" grep -q "policies.approvals.allowed_signers" "$work/err"
"$evograph" ws config "$ws" policies.approvals.allowed_signers allowed_signers > /dev/null # beside the workspace
"$evograph" migrate apply "$plan" --workspace "$ws" --approval "$work/mallory.pub" --yes 2> "$work/err"
check "a file that is no signature: refused (exit 3)" test $? -eq 3
ssh-keygen -q -Y sign -f "$work/mallory" -n evograph-plan "$work/alice/v1-to-v2.yaml" 2> /dev/null
mv "$plan.sig" "$work/mallory.approval"
"$evograph" migrate apply "$plan" --workspace "$ws" --approval "$work/mallory.approval" --yes 2> "$work/err"
check "a key the allowed signers do not list: refused (exit 3)" test $? -eq 3
check "  saying so" grep -q "not listed in" "$work/err"
ssh-keygen -q -Y sign -f "$reviewer_home/id_ed25519" -n file "$reviewer_home/plan.yaml" 2> /dev/null
"$evograph" migrate apply "$plan" --workspace "$ws" --approval "$reviewer_home/plan.yaml.sig" --yes 2> "$work/err"
check "bob's signature in another namespace than evograph-plan: refused (exit 3)" test $? -eq 3
cp "$plan" "$work/alice/edited.yaml"; echo "# one more comment" >> "$work/alice/edited.yaml"
"$evograph" migrate apply "$work/alice/edited.yaml" --workspace "$ws" --approval "$approval" --yes 2> "$work/err"
check "the plan edited after signing (a comment): refused (exit 3)" test $? -eq 3
check "  saying the bytes differ" grep -q "not of this plan's exact bytes" "$work/err"
echo "$me $(cut -d' ' -f1,2 "$work/mallory.pub")" >> "$work/alice/allowed_signers"
"$evograph" migrate apply "$plan" --workspace "$ws" --approval "$work/mallory.approval" --yes 2> "$work/err"
check "the applier's own signed approval: refused while self-approval is off (exit 3)" test $? -eq 3
check "  saying why" grep -q "self-approval is off" "$work/err"
cp "$approval" "$work/alice/v1-to-v2.yaml.carol.approval"
"$evograph" migrate apply "$plan" --workspace "$ws" --approval "$work/alice/v1-to-v2.yaml.carol.approval" --yes 2> "$work/err"
check "bob's signature in a file named as carol's approval: refused (exit 3)" test $? -eq 3
check "  naming whose key it is" grep -q "named as carol's approval, but its key is listed in .* for bob" "$work/err"
"$evograph" migrate apply "$plan" --workspace "$ws" --approval "$approval" --dry-run --format json > "$work/dry.json"
check "the dry run shows bob's signed approval counting" json 'a = d["approval"]; s = a["signed_approvals"][0]; assert a["satisfied"] and s["counts"] and s["signer"] == "bob" and "SHA256:" in s["key"], a' < "$work/dry.json"
"$evograph" migrate apply "$plan" --workspace "$ws" --approval "$approval" --yes > "$work/applied.txt"
check "apply with bob's signed approval: exit 0" test $? -eq 0
check "  the journal names the signer and the key" \
    bash -c "'$evograph' migrate history --workspace '$ws' --format json | grep -q 'approved by bob (SSH signature, ED25519 key SHA256:'"

# --- keys as git users hold them ----------------------------------------------------------------
ssh-keygen -q -t ed25519 -N 'correct horse' -C carol -f "$work/carol"
printf '#!/bin/sh\necho "correct horse"\n' > "$work/askpass"; chmod +x "$work/askpass"
SSH_ASKPASS="$work/askpass" SSH_ASKPASS_REQUIRE=force DISPLAY=:0 \
    "$evograph" migrate approve "$plan" --as carol --sign-with "$work/carol" -o "$work/carol.approval" < /dev/null > /dev/null
check "a passphrase-protected key signs (its passphrase asked through ssh-keygen)" grep -q "BEGIN SSH SIGNATURE" "$work/carol.approval"
SSH_ASKPASS="$work/askpass" SSH_ASKPASS_REQUIRE=never \
    "$evograph" migrate approve "$plan" --as carol --sign-with "$work/carol" -o "$work/carol2.approval" < /dev/null 2> "$work/err"
check "  and without the passphrase it does not: exit 2 with ssh-keygen's words" test $? -eq 2
check "  in the message" grep -q "cannot sign with this key: ssh-keygen" "$work/err"
eval "$(ssh-agent -s)" > /dev/null
SSH_ASKPASS="$work/askpass" SSH_ASKPASS_REQUIRE=force DISPLAY=:0 ssh-add -q "$work/carol" < /dev/null 2> /dev/null
"$evograph" migrate approve "$plan" --as carol --sign-with "$work/carol.pub" -o "$work/agent.approval" < /dev/null > /dev/null
check "a key held by ssh-agent signs through its public half" test $? -eq 0
ssh-agent -k > /dev/null
echo "carol $(cut -d' ' -f1,2 "$work/carol.pub")" >> "$work/alice/allowed_signers"
ssh-keygen -Y verify -f "$work/alice/allowed_signers" -I carol -n evograph-plan -s "$work/agent.approval" < "$plan" > /dev/null 2>&1
check "  and ssh-keygen accepts it" test $? -eq 0
finish
