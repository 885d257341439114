using SmeZones.Bench;

// SmeZones.Bench seed …  puts N complete zone-2026 drafts into the database, through the app's own ApplicationFactory.
// SmeZones.Bench load …  drives the running portal on 127.0.0.1 and prints the figures as Markdown.
// bench/run.sh runs both; see bench/README.md.
// SmeZones.Bench parts …  times the section page's form computations in-process.
// SmeZones.Bench cross …  one browser against two portal instances (bench/two-instances.sh).
// SmeZones.Bench drill …  the fail-over drill's saving client (ops/failover-drill.sh).
// SmeZones.Bench seed-submitted …  N submitted applications, recommended at the provincial stage (the lists' data).
// SmeZones.Bench seed-dossier …  large evidence rows on one application (the dossier phase).
// SmeZones.Bench lists …  inbox and national list pages, the national .xlsx against COPY, a large dossier's memory.
// SmeZones.Bench race …  the quota race across two portal instances (bench/two-instances.sh).
// SmeZones.Bench pdf …  one application's PDF: cold, warm, a burst at once, many with Chromium's memory sampled.
if (args.Length == 0 || args[0] is not ("seed" or "load" or "parts" or "drill" or "cross" or "seed-submitted" or "seed-dossier" or "lists" or "race" or "pdf"))
{
    Console.Error.WriteLine("usage: SmeZones.Bench seed --connection CS --count 1000 --out ids.tsv [--organisations A,B]");
    Console.Error.WriteLine("       SmeZones.Bench load --ids ids.tsv [--url http://127.0.0.1:5099] [--clients 32] [--warmup 5] [--duration 20]");
    Console.Error.WriteLine("                           [--rounds 3] [--section auto|KEY] [--pid PORTAL_PID] [--pg-pid POSTMASTER_PID]");
    Console.Error.WriteLine("                           [--connection CS] [--out results.md]");
    Console.Error.WriteLine("       SmeZones.Bench parts [--section service] [--iterations 200] [--out parts.md]");
    Console.Error.WriteLine("       SmeZones.Bench cross --ids ids.tsv --a http://127.0.0.1:5101 --b http://127.0.0.1:5102");
    Console.Error.WriteLine("       SmeZones.Bench race --ids ids.tsv --connection CS --a URL --b URL --reviewer-b NAME [--password-b PW] [--repeat 5]");
    Console.Error.WriteLine("       SmeZones.Bench drill --ids ids.tsv [--url http://127.0.0.1:5099] [--duration 30]");
    Console.Error.WriteLine("       SmeZones.Bench seed-submitted --connection CS [--count 5000]");
    Console.Error.WriteLine("       SmeZones.Bench seed-dossier --connection CS --application ID [--mb 2048]");
    Console.Error.WriteLine("       SmeZones.Bench lists --url URL --campaign ID [--samples 200] [--pid PORTAL_PID] [--connection CS] [--dossier ID --dossier-mb N] [--out lists.md]");
    Console.Error.WriteLine("       SmeZones.Bench pdf --ids ids.tsv [--url URL] [--pid PORTAL_PID] [--warm 20] [--burst 16] [--many 200] [--many-clients 4] [--out pdf.md]");
    return 2;
}

var options = Options.Parse(args[1..]);
return args[0] switch
{
    "seed" => await Seeder.RunAsync(options),
    "parts" => await Parts.RunAsync(options),
    "drill" => await Drill.RunAsync(options),
    "cross" => await Cross.RunAsync(options),
    "seed-submitted" => await SubmittedSeeder.RunAsync(options),
    "seed-dossier" => await Lists.SeedDossierAsync(options),
    "lists" => await Lists.RunAsync(options),
    "race" => await Race.RunAsync(options),
    "pdf" => await Pdfs.RunAsync(options),
    _ => await LoadRun.RunAsync(options),
};
