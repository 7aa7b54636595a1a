package tgtext

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// entry is one text of the catalogue: a package-level variable of type Text.
type entry struct {
	Name string
	Text Text
	Pos  string // file:line, for messages
}

// catalogue reads every package-level Text variable from the package's
// source, so that a text added anywhere is rendered and checked without
// being listed by hand. The texts are constant string expressions (literals
// joined with +), which it evaluates; anything else fails the test, since a
// text computed at run time could not be checked here.
func catalogue(t testing.TB) []entry {
	t.Helper()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(files)
	fset := token.NewFileSet()
	var out []entry
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, decl := range f.Decls {
			gd, ok := decl.(*ast.GenDecl)
			if !ok || gd.Tok != token.VAR {
				continue
			}
			for _, spec := range gd.Specs {
				vs := spec.(*ast.ValueSpec)
				for i, v := range vs.Values {
					lit, ok := v.(*ast.CompositeLit)
					if !ok {
						continue
					}
					if id, ok := lit.Type.(*ast.Ident); !ok || id.Name != "Text" {
						continue
					}
					e := entry{Name: vs.Names[i].Name, Pos: fset.Position(lit.Pos()).String()}
					for _, el := range lit.Elts {
						kv, ok := el.(*ast.KeyValueExpr)
						if !ok {
							t.Fatalf("%s: %s: unkeyed field", e.Pos, e.Name)
						}
						s, ok := constString(kv.Value)
						if !ok {
							t.Fatalf("%s: %s: not a constant string", fset.Position(kv.Value.Pos()), e.Name)
						}
						switch kv.Key.(*ast.Ident).Name {
						case "kk":
							e.Text.kk = s
						case "ru":
							e.Text.ru = s
						case "en":
							e.Text.en = s
						}
					}
					out = append(out, e)
				}
			}
		}
	}
	if len(out) < 100 {
		t.Fatalf("found only %d texts: does the catalogue still declare them as Text{...}?", len(out))
	}
	return out
}

// constString evaluates string literals joined with +.
func constString(x ast.Expr) (string, bool) {
	switch x := x.(type) {
	case *ast.BasicLit:
		if x.Kind != token.STRING {
			return "", false
		}
		s, err := strconv.Unquote(x.Value)
		return s, err == nil
	case *ast.ParenExpr:
		return constString(x.X)
	case *ast.BinaryExpr:
		if x.Op != token.ADD {
			return "", false
		}
		a, ok1 := constString(x.X)
		b, ok2 := constString(x.Y)
		return a + b, ok1 && ok2
	}
	return "", false
}

// langFuncs are the package's functions that take a language (a parameter
// named lang or ui): the texts built in code rather than in the catalogue.
func langFuncs(t testing.TB) []string {
	t.Helper()
	files, _ := filepath.Glob("*.go")
	fset := token.NewFileSet()
	var out []string
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		f, err := parser.ParseFile(fset, name, src, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, decl := range f.Decls {
			fd, ok := decl.(*ast.FuncDecl)
			if !ok || fd.Recv != nil {
				continue
			}
			for _, field := range fd.Type.Params.List {
				for _, n := range field.Names {
					if n.Name == "lang" || n.Name == "ui" {
						out = append(out, fd.Name.Name)
					}
				}
			}
		}
	}
	sort.Strings(out)
	return slices.Compact(out)
}
