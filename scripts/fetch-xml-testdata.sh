#!/usr/bin/env bash
# Put libvirt 11.3.0's own XML test data (the tests/*data* directories for
# every document type virtwire-xml models) and its RelaxNG schemas into
# .virtwire/libvirt-xml-tests/, taken from the same sha256-pinned orig tarball
# as scripts/fetch-protocol.sh (which runs this). xml/tests/libvirt_testdata.rs
# reads the test data; xml/tests/schema_tables_fresh.rs regenerates the strict
# mode's tables from the schemas and checks they equal the committed
# xml/src/generated/schema_tables.rs (virtwire-xml itself builds without them).
#
#   scripts/fetch-xml-testdata.sh                 # apt + cached tarball
#   LIBVIRT_SOURCE=/path/to/libvirt scripts/fetch-xml-testdata.sh  # local tree
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
source "$(dirname "$0")/lib/libvirt-tarball.sh"

# Directories, relative to the libvirt tree. Keep in step with DIRS in
# xml/tests/libvirt_testdata.rs (which maps each to its document type).
DIRS=(
    tests/qemuxmlconfdata
    tests/genericxml2xmlindata
    tests/networkxml2xmlin
    # networkxml2xmlin symlinks some of its inputs from here.
    tests/networkxml2confdata
    tests/virnetworkportxml2xmldata
    tests/storagepoolxml2xmlin
    tests/storagevolxml2xmlin
    tests/nodedevschemadata
    tests/secretxml2xmlin
    tests/interfaceschemadata
    tests/nwfilterxml2xmlin
    tests/virnwfilterbindingxml2xmldata
    tests/capabilityschemadata
    tests/domaincapsdata
    tests/qemudomainsnapshotxml2xmlin
    tests/qemudomaincheckpointxml2xmlin
    # More of the directories libvirt's schema test (tests/virschematest.c)
    # validates against the schemas the strict tables come from: only checked
    # for strict-mode false positives, by xml/tests/strict_testdata.rs. Keep in
    # step with DIRS there. (vircaps2xmldata is left out: 35 MB of sysfs.)
    tests/domainschemadata
    tests/xmconfigdata
    tests/lxcxml2xmldata
    tests/lxcxml2xmloutdata
    tests/bhyvexml2argvdata
    tests/bhyvexml2xmloutdata
    tests/genericxml2xmloutdata
    tests/xlconfigdata
    tests/libxlxml2domconfigdata
    tests/qemuhotplugtestdomains
    tests/qemuhotplugtestcpus
    tests/securityselinuxlabeldata
    tests/domainconfdata
    tests/lxcconf2xmldata
    tests/qemumemlockdata
    tests/vmx2xmldata
    tests/xml2vmxdata
    tests/bhyveargv2xmldata
    tests/qemuagentdata
    tests/chxml2xmlin
    tests/chxml2xmlout
    tests/qemudomaincheckpointxml2xmlout
    tests/qemudomainsnapshotxml2xmlout
    tests/networkxml2xmlout
    tests/networkxml2xmlupdateout
    tests/networkxml2firewalldata
    tests/nodedevxml2xmlout
    tests/nwfilterxml2xmlout
    tests/nwfilterxml2firewalldata
    tests/storagepoolxml2xmlout
    tests/storagepoolschemadata
    tests/storagevolxml2xmlout
    tests/storagevolschemadata
    tests/qemucaps2xmloutdata
    # Read by xml/tests/schema_tables_fresh.rs (the strict mode's tables),
    # and by people modelling new fields: the schemas are the facts we use.
    src/conf/schemas
    # Lists which test files libvirt's schema test expects to be invalid.
    tests/virschematest.c
)

DEST=$VIRTWIRE_ROOT/.virtwire/libvirt-xml-tests
STAMP=$DEST/.stamp

# What an up-to-date $DEST was made from: re-extract whenever this changes.
want_stamp() {
    printf 'source %s\n' "${LIBVIRT_SOURCE:-$LIBVIRT_TARBALL_SHA256}"
    printf '%s\n' "${DIRS[@]}"
}

if [[ -f $STAMP && $(cat "$STAMP") == "$(want_stamp)" ]]; then
    log "$DEST is up to date; nothing to do"
    exit 0
fi

work=$(mktemp -d /tmp/virtwire-xmltests.XXXXXX)
trap 'rm -rf "$work"' EXIT

if [[ -n ${LIBVIRT_SOURCE:-} ]]; then
    [[ -d $LIBVIRT_SOURCE ]] || die "LIBVIRT_SOURCE=$LIBVIRT_SOURCE is not a directory"
    tree=$LIBVIRT_SOURCE
    log "NOTE: using LIBVIRT_SOURCE=$LIBVIRT_SOURCE; checksum verification SKIPPED"
else
    ensure_libvirt_tarball
    members=()
    for d in "${DIRS[@]}"; do members+=("$LIBVIRT_TARBALL_TOPDIR/$d"); done
    tar -xJf "$LIBVIRT_TARBALL" -C "$work" "${members[@]}" \
        || die "extracting ${#members[@]} directories from $LIBVIRT_TARBALL failed"
    tree=$work/$LIBVIRT_TARBALL_TOPDIR
fi

# Build the new copy beside the old one and swap, so an interrupted run never
# leaves a half-filled directory that looks complete.
new=$DEST.new
rm -rf "$new"
mkdir -p "$new"
for d in "${DIRS[@]}"; do
    [[ -e $tree/$d ]] || die "$d not found in $tree"
    mkdir -p "$new/$(dirname "$d")"
    cp -r "$tree/$d" "$new/$d"
done
want_stamp >"$new/.stamp"
rm -rf "$DEST"
mv "$new" "$DEST"
log "extracted ${#DIRS[@]} directories into $DEST ($(find "$DEST" -name '*.xml' | wc -l) XML files)"
