// Parsing RPCSIM_BUGS: names are checked against the catalogue, and empty items are ignored.
package bugs

import (
	"strings"
	"testing"
)

func TestParseKnownNames(t *testing.T) {
	set, err := Parse(" no-dup-detection,,fresh-id-per-retry ")
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	if len(set) != 2 || !set["no-dup-detection"] || !set["fresh-id-per-retry"] {
		t.Fatalf("Parse gave %v", set)
	}
}

func TestParseEmpty(t *testing.T) {
	set, err := Parse("")
	if err != nil || len(set) != 0 {
		t.Fatalf("Parse(\"\") = %v, %v", set, err)
	}
}

func TestParseRefusesUnknownName(t *testing.T) {
	_, err := Parse("no-dup-detection,no-such-bug")
	if err == nil || !strings.Contains(err.Error(), `unknown bug "no-such-bug"`) {
		t.Fatalf("Parse accepted an unknown bug: %v", err)
	}
}

func TestOnRefusesUncataloguedName(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Fatalf("On(typo) did not panic")
		}
	}()
	On("no-dup-detektion")
}
