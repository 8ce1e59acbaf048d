using PerfDisclosure.Bench;

// perfdisclosure-bench generate --forms 10000 --seed 1 --from content --out /tmp/corpus-10k
if (args.Length == 0 || args[0] != "generate")
{
    Console.Error.WriteLine("usage: generate --forms N [--seed S] [--from content] --out DIR");
    return 2;
}

string Option(string name, string? fallback)
{
    var at = Array.IndexOf(args, "--" + name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback ?? throw new ArgumentException($"--{name} is required");
}

var forms = int.Parse(Option("forms", null), System.Globalization.CultureInfo.InvariantCulture);
var seed = int.Parse(Option("seed", "1"), System.Globalization.CultureInfo.InvariantCulture);
var generator = new CorpusGenerator(Option("from", "content"), seed);
var written = generator.Write(Option("out", null), forms);
Console.WriteLine($"wrote {written.Forms} forms of {written.Organisations} organisations to {Option("out", null)}");
return 0;
