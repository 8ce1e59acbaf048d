using PerfDisclosure.Bench;

// perfdisclosure-bench generate --forms 10000 --seed 1 --from content --out /tmp/corpus-10k
// perfdisclosure-bench rebuilds --content /tmp/copy-of-corpus --work /tmp/rebuilds [--runs 5] [--templates templates]
if (args.Length == 0 || args[0] is not ("generate" or "rebuilds"))
{
    Console.Error.WriteLine("usage: generate --forms N [--seed S] [--from content] --out DIR");
    Console.Error.WriteLine("       rebuilds --content DIR --work DIR [--runs N] [--templates DIR]   (changes a form of DIR: give it a copy)");
    return 2;
}

string Option(string name, string? fallback)
{
    var at = Array.IndexOf(args, "--" + name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback ?? throw new ArgumentException($"--{name} is required");
}

if (args[0] == "rebuilds")
{
    Rebuilds.Run(Option("content", null), Option("templates", "templates"), Option("work", null), int.Parse(Option("runs", "5"), System.Globalization.CultureInfo.InvariantCulture), Console.Out);
    return 0;
}

var forms = int.Parse(Option("forms", null), System.Globalization.CultureInfo.InvariantCulture);
var seed = int.Parse(Option("seed", "1"), System.Globalization.CultureInfo.InvariantCulture);
var generator = new CorpusGenerator(Option("from", "content"), seed);
var written = generator.Write(Option("out", null), forms);
Console.WriteLine($"wrote {written.Forms} forms of {written.Organisations} organisations to {Option("out", null)}");
return 0;
