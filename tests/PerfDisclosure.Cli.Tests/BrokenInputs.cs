using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using PerfDisclosure.Testing;

namespace PerfDisclosure.Cli.Tests;

/// <summary>
/// Every command given each kind of broken input, as rows: what is broken, the command line, and what the one line
/// of the answer must name (the file, with its line where there is one). <see cref="BrokenInputTests"/> runs each
/// row through the real command line. A new kind of bad input is a new row here.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // unreadable files are made with Unix permissions
public static class BrokenInputs
{
    /// <summary>One row: the command, the broken input in words, and how to make it in a workspace.</summary>
    public sealed record Row(string Command, string Input, Func<Workspace, Case> Make)
    {
        public override string ToString() => $"{Command}: {Input}";
    }

    /// <summary>The command line to run, the text its message must contain, whether to run it as an unprivileged user (root reads anything), and the exit code when only one is right.</summary>
    public sealed record Case(string[] Args, string Names, bool Unprivileged = false, int? Exit = null);

    private const string Form = "forms/sz-futian-investment-promotion/2024/office-equipment-purchase.yaml";
    private const string Layout = "layouts/forms/shenzhen-target.yaml";

    public static readonly IReadOnlyList<Row> All =
    [
        // build
        new("build", "a content folder that does not exist", w => Build(w, "--content", w.Path("no-such-content")).Naming("no-such-content")),
        new("build", "a file where the content folder should be", w => Build(w, "--content", w.File("content.txt", "x")).Naming("content.txt")),
        new("build", "a file where the templates folder should be", w => Build(w, "--templates", w.File("templates.txt", "x")).Naming("templates.txt")),
        new("build", "an output folder whose parent is a file", w => Build(w, "--output", Path.Combine(w.File("parent.txt", "x"), "site")).Naming("parent.txt")),
        new("build", "malformed YAML in a form", w => Build(w, "--content", w.Break(Form, "project_name: 办公设备采购", "project_name: \"办公设备采购")).Naming("office-equipment-purchase.yaml:7:")),
        new("build", "malformed YAML in site.yaml", w => Build(w, "--content", w.Append("site.yaml", "\ntitle: [\n")).Naming("site.yaml:")),
        new("build", "malformed YAML in a layout", w => Build(w, "--templates", w.BreakTemplate(Layout)).Naming("shenzhen-target.yaml:")),
        new("build", "an unreadable form", w => Build(w, "--content", w.Unreadable(Form)).Naming("office-equipment-purchase.yaml:1:1") with { Unprivileged = true }),
        new("build", "an ESC in a form value (an imported _x001B_)", w => Build(w, "--content", w.Break(Form, "project_name: 办公设备采购", "project_name: \"办公\\e设备采购\"")).Naming("office-equipment-purchase.yaml:7:")),
        new("build", "a C1 control in a form value", w => Build(w, "--content", w.Break(Form, "project_name: 办公设备采购", "project_name: \"办公\\x9b设备采购\"")).Naming("office-equipment-purchase.yaml:7:")),
        new("build", "a line break in site.yaml's base_url", w => Build(w, "--content", w.Break("site.yaml", "base_url: https://budget.example.gov.cn/", "base_url: \"https://budget.example.gov.cn/\\nDisallow: /\"")).Naming("site.yaml:4:")),
        new("build", "a line break in --base-url", w => Build(w, "--base-url", "https://budget.example.gov.cn/\nDisallow: /").Naming("--base-url")),
        new("build", "year 0", w => Build(w, "--content", w.Break(Form, "year: 2024", "year: 0")).Naming("office-equipment-purchase.yaml:5:")),
        new("build", "year 10000", w => Build(w, "--content", w.Break(Form, "year: 2024", "year: 10000")).Naming("office-equipment-purchase.yaml:5:")),
        new("build", "year -1", w => Build(w, "--content", w.Break(Form, "year: 2024", "year: -1")).Naming("office-equipment-purchase.yaml:5:")),
        new("build", "a page linked to /proc/self/environ", w => Build(w, "--content", w.Link("pages/env.md", "/proc/self/environ")).Naming("pages/env.md:1:1")),
        new("build", "a form linked to /etc/passwd", w => Build(w, "--content", w.Link("forms/sz-futian-investment-promotion/2024/passwd.yaml", "/etc/passwd")).Naming("passwd.yaml:1:1")),
        new("build", "a folder link looping back", w => Build(w, "--content", w.Link("forms/loop", "..")).Naming("forms/loop:1:1")),
        new("build", "a FIFO among the forms", w => Build(w, "--content", w.Fifo("forms/sz-futian-investment-promotion/2024/pipe.yaml")).Naming("pipe.yaml:1:1")),
        new("build", "a FIFO among the forms, with a cache", w => Build(w, "--content", w.Fifo("forms/sz-futian-investment-promotion/2024/pipe.yaml"), "--cache", w.Path(".cache")).Naming("pipe.yaml:1:1")),
        new("build", "an unknown option", w => Build(w, "--outptu", "x").Naming("--outptu")),
        new("build", "a bad --format", w => Build(w, "--format", "yaml").Naming("yaml")),
        new("build", "a bad --lang", w => Build(w, "--lang", "fr").Naming("fr")),
        new("build", "a bad --shard", w => Build(w, "--shard", "5/4").Naming("--shard “5/4”")),
        new("build", "a bad --shard, --lang en", w => Build(w, "--shard", "5/4", "--lang", "en").Naming("--shard '5/4'")),
        new("build", "an output folder holding other files", w => Build(w, "--output", w.Folder("u", "thesis.txt")).Refusing($"错误：--output {w.Path("u")}：包含不是 perfdisclosure 写入的文件（例如 thesis.txt）；其中的内容没有改动；")),
        new("build", "an output folder holding other files, --lang en", w => Build(w, "--output", w.Folder("u", "thesis.txt"), "--lang", "en").Refusing($"error: --output {w.Path("u")}: holds files perfdisclosure did not write (e.g. thesis.txt); nothing in it was changed;")),
        new("build", "a git repository as the output folder", w => Build(w, "--output", w.Folder("repo", ".git/HEAD")).Refusing($"--output {w.Path("repo")}：是一个 git 仓库")),
        new("build", "the content folder as the output folder", w => Build(w, "--output", w.Content).Refusing($"--output {w.Content}：就是内容文件夹")),
        new("build", "the templates folder as the output folder", w => Build(w, "--templates", w.Folder("templates", "partials/footer.sbn-html"), "--output", w.Path("templates")).Refusing($"--output {w.Path("templates")}：就是模板文件夹")),
        new("build", "the working folder as the output folder", w => Build(w, "--output", ".", "--content", w.Path("no-such-content")).Refusing($"--output {Path.GetFullPath(Path.GetTempPath()).TrimEnd('/')}：就是当前工作文件夹")),
        new("build", "the root as the output folder", w => Build(w, "--output", "/", "--content", w.Path("no-such-content")).Refusing("--output /：是文件系统的根目录")),
        new("build", "the root as the output folder, --lang en", w => Build(w, "--output", "/", "--content", w.Path("no-such-content"), "--lang", "en").Refusing("error: --output /: is the root of the file system")),
        new("build", "a cache folder inside the output folder", w => Build(w, "--cache", w.Path("site/.cache")).Where(a => a != "--no-cache").ToArray().Refusing($"--cache {w.Path("site/.cache")}：位于输出文件夹之内")),
        new("build", "a cache folder holding other files", w => Build(w, "--cache", w.Folder("stuff", "render/notes.txt")).Where(a => a != "--no-cache").ToArray().Refusing($"--cache {w.Path("stuff")}：包含不是 perfdisclosure 写入的文件")),
        new("build", "an output folder whose parent is a file, --lang en", w => Build(w, "--output", Path.Combine(w.File("parent.txt", "x"), "site"), "--lang", "en").Naming("error: Could not find a part of the path '" + w.Path("parent.txt"))),

        // check
        new("check", "a content folder that does not exist", w => new Case(["check", "--content", w.Path("no-such-content")], "no-such-content")),
        new("check", "a file where the content folder should be", w => new Case(["check", "--content", w.File("content.txt", "x")], "content.txt")),
        new("check", "a file where the templates folder should be", w => new Case(["check", "--content", w.Content, "--templates", w.File("templates.txt", "x")], "templates.txt")),
        new("check", "malformed YAML in a form", w => new Case(["check", "--content", w.Break(Form, "project_name: 办公设备采购", "project_name: \"办公设备采购")], "office-equipment-purchase.yaml:7:")),
        new("check", "an ESC in a form value (an imported _x001B_)", w => new Case(["check", "--content", w.Break(Form, "project_name: 办公设备采购", "project_name: \"办公\\e设备采购\"")], "office-equipment-purchase.yaml:7:")),
        new("check", "year 99999999999", w => new Case(["check", "--content", w.Break(Form, "year: 2024", "year: 99999999999")], "office-equipment-purchase.yaml:5:")),
        new("check", "year 10000", w => new Case(["check", "--content", w.Break(Form, "year: 2024", "year: 10000")], "office-equipment-purchase.yaml:5:")),
        new("check", "a page linked to /etc/passwd", w => new Case(["check", "--content", w.Link("pages/passwd.md", "/etc/passwd")], "pages/passwd.md:1:1")),
        new("check", "a FIFO as a page", w => new Case(["check", "--content", w.Fifo("pages/pipe.md")], "pages/pipe.md:1:1")),
        new("check", "a link to itself", w => new Case(["check", "--content", w.Link("pages/self.md", "self.md")], "pages/self.md:1:1")),
        new("check", "an unreadable form", w => new Case(["check", "--content", w.Unreadable(Form)], "office-equipment-purchase.yaml:1:1", Unprivileged: true)),
        new("check", "a bad --format", w => new Case(["check", "--content", w.Content, "--format", "yaml"], "yaml")),

        // new
        new("new", "an unknown layout", w => New(w, "--layout", "no-such-layout").Naming("no-such-layout")),
        new("new", "an unknown organisation", w => New(w, "--org", "no-such-org").Naming("no-such-org")),
        new("new", "a content folder that does not exist", w => New(w, "--content", w.Path("no-such-content")).Naming("no-such-content")),
        new("new", "a file where the content folder should be", w => New(w, "--content", w.File("content.txt", "x")).Naming("content.txt")),
        new("new", "a form that exists already", w => new Case(["new", "--content", w.Content, "--templates", Repo.Templates, "--layout", "shenzhen-target", "--org", "sz-futian-investment-promotion", "--year", "2024", "office-equipment-purchase"], "office-equipment-purchase.yaml 已存在", Exit: 2)),
        new("new", "a form that exists already, --lang en", w => new Case(["new", "--content", w.Content, "--templates", Repo.Templates, "--layout", "shenzhen-target", "--org", "sz-futian-investment-promotion", "--year", "2024", "office-equipment-purchase", "--lang", "en"], "office-equipment-purchase.yaml already exists", Exit: 2)),
        new("new", "a year that is no number", w => New(w, "--year", "twenty").Naming("twenty")),
        new("new", "year -1", w => New(w, "--year", "-1").Naming("-1")),
        new("new", "year 10000", w => New(w, "--year", "10000").Naming("10000")),

        // import
        new("import", "a workbook that does not exist", w => Import(w, w.Path("no-such.xlsx")).Naming("no-such.xlsx")),
        new("import", "a folder where a workbook should be", w => Import(w, Directory.CreateDirectory(w.Path("folder.xlsx")).FullName).Naming("folder.xlsx")),
        new("import", "a workbook that is no zip", w => Import(w, w.File("random.xlsx", "this is not a workbook")).Naming("random.xlsx")),
        new("import", "a truncated workbook", w => Import(w, w.Truncated("truncated.xlsx")).Naming("truncated.xlsx")),
        new("import", "a zip that is no workbook", w => Import(w, w.Zip("other.xlsx", ("readme.txt", "hello"))).Naming("other.xlsx")),
        new("import", "an unreadable workbook", w => Import(w, w.Unreadable(w.File("locked.txt", "二级项目支出绩效目标申报表\n"))).Naming("locked.txt") with { Unprivileged = true }),
        new("import", "a --year outside the range", w => Import(w, w.File("forms.txt", "x"), "--year", "10000").Naming("--year")),
        new("import", "an unknown option", w => Import(w, w.File("forms.txt", "x"), "--output", "x").Naming("--output")),
        new("import", "a workbook whose only cell is at XFD1048576", w => Import(w, w.Workbook("xfd.xlsx", "<row r=\"1048576\"><c r=\"XFD1048576\" t=\"inlineStr\"><is><t>x</t></is></c></row>")).Naming("xfd.xlsx#S:1048576:16384: cell XFD1048576 is in row 1048576, past the limit of 65536 rows")),
        new("import", "a workbook with a damaged sheet", w => Import(w, w.Workbook("damaged.xlsx", "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>二级项目支出绩效目标申报表</t></is></c></row><row r=\"2\"><c r=")).Naming("damaged.xlsx: not a workbook that can be read")),
        new("import", "a workbook with a cell of 300,000 characters", w => Import(w, w.Workbook("long.xlsx", $"<row r=\"1\"><c r=\"B1\" t=\"inlineStr\"><is><t>{new string('长', 300_000)}</t></is></c></row>")).Naming("long.xlsx#S: cell B1 holds more than 32767 characters (the cell size limit)")),
        new("import", "a workbook with a shared string index past its table", w => Import(w, w.Workbook("shared.xlsx", "<row r=\"3\"><c r=\"C3\" t=\"s\"><v>12</v></c></row>")).Naming("shared.xlsx#S:3:3: cell C3 refers to shared string '12'")),
        new("import", "a workbook that inflates like a zip bomb", w => Import(w, w.Workbook("bomb.xlsx", "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>" + new string(' ', 30 << 20))).Naming("bomb.xlsx: xl/worksheets/sheet1.xml inflates more than 100 times")),
        new("import", "a PDF that is no PDF", w => Import(w, w.File("damaged.pdf", "%PDF-1.4\nthis is not a PDF")).Naming("damaged.pdf: cannot be read as a PDF") with { Exit = 2 }),
        new("import", "a truncated PDF", w => Import(w, w.Bytes("cut.pdf", [.. System.Text.Encoding.Latin1.GetBytes("%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type")])).Naming("cut.pdf") with { Exit = 2 }),
        new("import", "a workbook that is no zip, exit 2", w => Import(w, w.File("plain.xlsx", "PK this is not a workbook")).Naming("plain.xlsx") with { Exit = 2 }),
        new("import", "a text neither UTF-8 nor GBK", w => Import(w, w.Bytes("binary.txt", [0x80, 0xFF, 0x80, 0xFF, 0x0A])).Naming("binary.txt:1:1: PD0705")),

        // merge
        new("merge", "a shard folder that does not exist", w => Merge(w, [w.Path("no-such-shard")]).Naming("no-such-shard")),
        new("merge", "a file given as a shard folder", w => Merge(w, [w.File("shard.txt", "x")]).Naming("shard.txt")),
        new("merge", "a folder that is no shard", w => Merge(w, [Directory.CreateDirectory(w.Path("not-a-shard")).FullName]).Naming("not-a-shard")),
        new("merge", "a damaged shard manifest", w => Merge(w, [w.Shard("damaged", "{ \"format\": 2, ")]).Naming("damaged")),
        new("merge", "a manifest of an older version", w => Merge(w, [w.Shard("old", "{ \"shard\": 1, \"of\": 1, \"organisations\": [] }")]).Naming("old")),
        new("merge", "one shard folder given twice", w => Merge(w, [w.Shard("twice", "{}"), w.Path("twice")]).Naming("twice")),
        new("merge", "the content folder as the output folder", w => Merge(w, [w.Shard("shard", "{}")], "--output", w.Content).Refusing($"--output {w.Content}：就是内容文件夹")),
        new("merge", "the content folder as the output folder, --lang en", w => Merge(w, [w.Shard("shard", "{}")], "--output", w.Content, "--lang", "en").Refusing($"--output {w.Content}: is the content folder")),
        new("merge", "an option merge does not have", w => Merge(w, [w.Path("x")], "--shard", "1/2").Naming("--shard")),

        // schemas
        new("schemas", "a templates folder that does not exist", w => new Case(["schemas", "--templates", w.Path("no-such-templates")], "no-such-templates")),
        new("schemas", "a file where the templates folder should be", w => new Case(["schemas", "--templates", w.File("templates.txt", "x")], "templates.txt")),
        new("schemas", "malformed YAML in a layout", w => new Case(["schemas", "--templates", w.BreakTemplate(Layout)], "shenzhen-target.yaml:")),

        // serve: only what stops it before it serves; what it serves is BrokenInputTests.Serve_*
        new("serve", "a port out of range", w => Serve(w, "--port", "70000").Naming("70000")),
        new("serve", "a port in use", w => Serve(w, "--port", w.BusyPort().ToString(System.Globalization.CultureInfo.InvariantCulture)).Naming("错误：无法在 http://127.0.0.1:")),
        new("serve", "a port in use, --lang en", w => Serve(w, "--port", w.BusyPort().ToString(System.Globalization.CultureInfo.InvariantCulture), "--lang", "en").Naming("error: cannot listen on http://127.0.0.1:")),
        new("serve", "a bad --lang", w => Serve(w, "--lang", "fr").Naming("fr")),
        new("serve", "an output folder holding other files", w => Serve(w, "--output", w.Folder("u", "thesis.txt")).Refusing($"--output {w.Path("u")}：包含不是 perfdisclosure 写入的文件")),
    ];

    private static Case Naming(this string[] args, string names) => new(args, names);

    /// <summary>A folder the command must refuse: exit 2, its one line naming the folder and why.</summary>
    private static Case Refusing(this string[] args, string names) => new(args, names, Exit: 2);

    private static string[] Build(Workspace w, params string[] change) =>
        Options(["build", "--no-pdf", "--no-cache"], new() { ["--content"] = w.Content, ["--templates"] = Repo.Templates, ["--output"] = w.Path("site") }, change);

    private static string[] New(Workspace w, params string[] change) =>
        Options(["new", "new-form"], new() { ["--content"] = w.Content, ["--templates"] = Repo.Templates, ["--layout"] = "shenzhen-target", ["--org"] = "sz-futian-investment-promotion", ["--year"] = "2025" }, change);

    private static string[] Import(Workspace w, string file, params string[] change) =>
        Options(["import", file, "--dry-run"], new() { ["--content"] = w.Content, ["--templates"] = Repo.Templates, ["--year"] = "2024" }, change);

    private static string[] Merge(Workspace w, string[] folders, params string[] change) =>
        Options(["merge", .. folders, "--no-pdf"], new() { ["--content"] = w.Content, ["--templates"] = Repo.Templates, ["--output"] = w.Path("site") }, change);

    private static string[] Serve(Workspace w, params string[] change) =>
        Options(["serve"], new() { ["--content"] = w.Content, ["--templates"] = Repo.Templates, ["--output"] = w.Path("site"), ["--cache"] = w.Path(".cache"), ["--port"] = $"{RawHttp.FreePort()}" }, change);

    /// <summary>A command line: the fixed words, then each option with its value, where <paramref name="change"/> (pairs) replaces or adds options.</summary>
    private static string[] Options(string[] words, Dictionary<string, string> options, string[] change)
    {
        for (var i = 0; i + 1 < change.Length; i += 2)
        {
            options[change[i]] = change[i + 1];
        }

        return [.. words, .. options.SelectMany(o => new[] { o.Key, o.Value })];
    }

    /// <summary>A folder of one row's inputs, with helpers that make broken ones; disposes what it holds open.</summary>
    public sealed class Workspace(string root) : IDisposable
    {
        private readonly List<IDisposable> held = [];
        private string? content;

        /// <summary>A copy of content/ for this row.</summary>
        public string Content => content ??= Repo.CopyTree(Path("content"));

        public string Path(string name) => System.IO.Path.Combine(root, name);

        /// <summary>A folder holding one file (a path below it, e.g. <c>.git/HEAD</c>); returns the folder.</summary>
        public string Folder(string name, string file)
        {
            var path = System.IO.Path.Combine(Path(name), file);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
            System.IO.File.WriteAllText(path, "the user's own file");
            return Path(name);
        }

        public string File(string name, string text)
        {
            System.IO.File.WriteAllText(Path(name), text);
            return Path(name);
        }

        /// <summary>content/ with one file's text replaced; returns the content folder.</summary>
        public string Break(string file, string text, string with)
        {
            var path = System.IO.Path.Combine(Content, file);
            System.IO.File.WriteAllText(path, System.IO.File.ReadAllText(path).Replace(text, with, StringComparison.Ordinal));
            return Content;
        }

        public string Append(string file, string text)
        {
            System.IO.File.AppendAllText(System.IO.Path.Combine(Content, file), text);
            return Content;
        }

        /// <summary>content/ with a symbolic link at <paramref name="file"/>; returns the content folder.</summary>
        public string Link(string file, string target)
        {
            var path = System.IO.Path.Combine(Content, file);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
            System.IO.File.CreateSymbolicLink(path, target);
            return Content;
        }

        /// <summary>content/ with a FIFO at <paramref name="file"/> (made by mkfifo); returns the content folder.</summary>
        public string Fifo(string file)
        {
            var path = System.IO.Path.Combine(Content, file);
            using var mkfifo = System.Diagnostics.Process.Start("mkfifo", [path]);
            mkfifo.WaitForExit();
            return Content;
        }

        /// <summary>A templates folder whose one file is malformed YAML; returns the folder.</summary>
        public string BreakTemplate(string file)
        {
            var templates = Path("templates");
            var path = System.IO.Path.Combine(templates, file);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
            System.IO.File.WriteAllText(path, System.IO.File.ReadAllText(System.IO.Path.Combine(Repo.Templates, file)) + "\nfields: [\n");
            return templates;
        }

        /// <summary>A file (under content/ when relative) that its owner may not read; returns content/ or the file.</summary>
        public string Unreadable(string file)
        {
            var path = System.IO.Path.IsPathRooted(file) ? file : System.IO.Path.Combine(Content, file);
            System.IO.File.SetUnixFileMode(path, UnixFileMode.None);
            return System.IO.Path.IsPathRooted(file) ? file : Content;
        }

        public string Zip(string name, params (string Entry, string Text)[] entries)
        {
            using (var zip = ZipFile.Open(Path(name), ZipArchiveMode.Create))
            {
                foreach (var (entry, text) in entries)
                {
                    using var writer = new StreamWriter(zip.CreateEntry(entry).Open());
                    writer.Write(text);
                }
            }

            return Path(name);
        }

        /// <summary>A one-sheet workbook (sheet "S") whose sheetData is <paramref name="rows"/>, written as given.</summary>
        public string Workbook(string name, string rows) => Zip(
            name,
            ("_rels/.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"),
            ("xl/workbook.xml", "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"),
            ("xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>"),
            ("xl/worksheets/sheet1.xml", $"<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>{rows}</sheetData></worksheet>"));

        public string Bytes(string name, byte[] bytes)
        {
            System.IO.File.WriteAllBytes(Path(name), bytes);
            return Path(name);
        }

        /// <summary>A workbook cut in half, as an interrupted download leaves it.</summary>
        public string Truncated(string name)
        {
            var whole = Zip(name + ".whole", ("[Content_Types].xml", new string('x', 4000)), ("xl/workbook.xml", new string('y', 4000)));
            var bytes = System.IO.File.ReadAllBytes(whole);
            System.IO.File.WriteAllBytes(Path(name), bytes[..(bytes.Length / 2)]);
            return Path(name);
        }

        /// <summary>A folder holding only a shard manifest with this text.</summary>
        public string Shard(string name, string manifest)
        {
            Directory.CreateDirectory(Path(name));
            System.IO.File.WriteAllText(System.IO.Path.Combine(Path(name), ".shard.json"), manifest);
            return Path(name);
        }

        /// <summary>A port something else listens on while the row runs.</summary>
        public int BusyPort()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            held.Add(listener);
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        public void Dispose() => held.ForEach(h => h.Dispose());
    }
}
