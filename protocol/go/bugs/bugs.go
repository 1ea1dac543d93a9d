// Package bugs switches on catalogued student bugs (the names of protocol/bugs.ts) in the Go
// reference, from the environment: RPCSIM_BUGS=no-dup-detection,fresh-id-per-retry. Each bug is
// one guarded deviation at the one place where it changes behaviour (`if bugs.On(...)`), so the
// correct path stays readable. The variable is read once, when the program starts; it works the
// same natively and under a wasm host that passes the environment to the Go program.
package bugs

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"sync"
)

// EnvVar is the environment variable that lists the bugs to switch on, separated by commas.
const EnvVar = "RPCSIM_BUGS"

// Known is every bug the Go reference can switch on, with the package that has the switch.
var Known = map[string]string{
	"vs-ack-gate-ignored":         "viewservice",
	"vs-restart-ignored":          "viewservice",
	"vs-idle-promoted":            "viewservice",
	"vs-dead-backup-kept":         "viewservice",
	"get-not-forwarded":           "pbservice server",
	"unreachable-backup-as-none":  "pbservice server",
	"forward-apply-unserialised":  "pbservice server",
	"dup-table-not-replicated":    "pbservice server",
	"dup-table-not-in-snapshot":   "pbservice server",
	"backup-reapplies-duplicates": "pbservice server",
	"backup-accepts-any-sender":   "pbservice server",
	"ignore-forward-result":       "pbservice server",
	"no-dup-detection":            "pbservice server",
	"fresh-id-per-retry":          "pbservice clerk",
	"clerk-asks-vs-every-op":      "pbservice clerk",
}

// enabled is read when the program starts, so a misspelt name stops it before any test runs.
var enabled = mustParse(os.Getenv(EnvVar))

// noted makes On read the variable once more while the tests run: go test caches a package's
// result keyed on the environment variables its tests read, and reads made while packages are
// initialised are not recorded, so without this a cached PASS would answer for any RPCSIM_BUGS.
var noted sync.Once

// On says whether the bug called name is switched on.
func On(name string) bool {
	if _, ok := Known[name]; !ok {
		panic("bugs.On: not a catalogued bug: " + name) // a typo in our own code
	}
	noted.Do(func() { os.Getenv(EnvVar) })
	return enabled[name]
}

// Parse reads a comma-separated list of bug names; spaces and empty items are ignored.
func Parse(text string) (map[string]bool, error) {
	set := map[string]bool{}
	for _, item := range strings.Split(text, ",") {
		name := strings.TrimSpace(item)
		if name == "" {
			continue
		}
		if _, ok := Known[name]; !ok {
			return nil, fmt.Errorf("%s: unknown bug %q; known bugs: %s", EnvVar, name, strings.Join(Names(), ", "))
		}
		set[name] = true
	}
	return set, nil
}

// Names lists the known bugs in alphabetical order.
func Names() []string {
	names := make([]string, 0, len(Known))
	for name := range Known {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

// Enabled lists the bugs switched on, in alphabetical order.
func Enabled() []string {
	names := []string{}
	for _, name := range Names() {
		if enabled[name] {
			names = append(names, name)
		}
	}
	return names
}

// mustParse refuses a misspelt bug in one line and exit status 2, rather than run the tests
// without the bug the user asked for.
func mustParse(text string) map[string]bool {
	set, err := Parse(text)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	return set
}
