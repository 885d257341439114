using System.Diagnostics;
using System.Globalization;
using System.Text;
using SmeZones.Core.Applications;
using SmeZones.Core.Assessment;
using SmeZones.Core.Forms;
using SmeZones.TestSupport;

namespace SmeZones.Bench;

/// <summary>
/// In-process timings of the form computations the section page runs on every GET and POST (no HTTP, no database),
/// so the HTTP figures can be read against them. One thread, complete zone-2026 answers, after a warm-up.
/// </summary>
internal static class Parts
{
    public static Task<int> RunAsync(Options options)
    {
        var edition = options.Get("edition", "zone-2026");
        var section = options.Get("section", "service");
        var iterations = options.Int("iterations", 200);
        var definition = FormEditionCatalogue.Default.Get(edition);
        var year = definition.RoundYear;
        var answers = FormFixtures.Complete(edition);
        var headings = SectionProgressReport.Headings(definition).Count;
        var criteria = CriteriaEditions.ForForm(edition).Select(e => e.Key).FirstOrDefault() ?? "zone-2024";
        var assessment = AssessmentEngine.Assess(criteria, definition, year, answers, AssessmentSettings.None);
        var assessmentJson = AssessmentJson.Serialize(assessment);

        var rows = new List<(string What, double Micros, double KiB)>
        {
            Time("FormAnswerKeys.For (walk the whole definition)", iterations, () => FormAnswerKeys.For(definition, year)),
            Time($"new FormAnswersValidator (Draft, `{section}`) — construct only", iterations, () => new FormAnswersValidator(definition, year, ValidationMode.Draft, section)),
            Time($"FormValidation.Validate (Draft, `{section}`)", iterations, () => FormValidation.Validate(definition, year, answers, ValidationMode.Draft, section)),
            Time($"SectionProgressReport.For ({headings} sections: whole form, Draft + Submit)", iterations, () => SectionProgressReport.For(definition, year, answers)),
            Time("FormValidation.Validate (Draft, whole form)", iterations, () => FormValidation.Validate(definition, year, answers, ValidationMode.Draft)),
            Time("FormComputations.Suggest (FormView's suggestions)", iterations, () => FormComputations.Suggest(definition, year, answers)),
            Time("FormValidation.Validate (Submit, whole form; check page)", iterations, () => FormValidation.Validate(definition, year, answers, ValidationMode.Submit)),
            Time($"AssessmentEngine.Assess ({criteria}; the self-check)", iterations, () => AssessmentEngine.Assess(criteria, definition, year, answers, AssessmentSettings.None)),
            Time("AssessmentJson.Serialize (a stored self-check, ADR 0069: not done)", iterations, () => AssessmentJson.Serialize(assessment)),
            Time("AssessmentJson.Deserialize (reading one back)", iterations, () => AssessmentJson.Deserialize(assessmentJson)),
        };

        var inv = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        var entryKiB = RetainedKiB(200, () => new DraftDerivations(
            SectionProgressReport.For(definition, year, answers),
            AssessmentEngine.Assess(criteria, definition, year, answers, AssessmentSettings.None),
            FormComputations.Suggest(definition, year, answers)));
        text.AppendLine(inv, $"In-process cost of the section page's form work ({edition}, complete answers, 1 thread, mean process CPU time per call over ≥ {iterations} calls and ≥ 0.5 CPU s, after a warm-up):").AppendLine();
        text.AppendLine("| computation | CPU µs per call | KiB allocated per call |").AppendLine("|---|---:|---:|");
        foreach (var (what, micros, kib) in rows)
        {
            text.AppendLine(inv, $"| {what} | {micros:0} | {kib:0} |");
        }
        text.AppendLine().AppendLine(inv, $"One entry of the draft cache (`DraftSelfCheck`: the progress, the self-check and the computed figures of one draft) retains {entryKiB:0.0} KiB of managed heap (mean over 200 held at once).");
        Console.WriteLine(text.ToString());
        var output = options.Get("out", "");
        return output.Length > 0 ? File.WriteAllTextAsync(output, text.ToString()).ContinueWith(_ => 0, TaskScheduler.Default) : Task.FromResult(0);
    }

    /// <summary>Managed heap kept alive per object made by <paramref name="make"/>: the heap after a full collection with n of them held, less before, over n.</summary>
    private static double RetainedKiB(int n, Func<object> make)
    {
        GC.KeepAlive(make());
        var held = new object[n];
        var before = GC.GetTotalMemory(forceFullCollection: true);
        for (var i = 0; i < n; i++)
        {
            held[i] = make();
        }
        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(held);
        return (after - before) / 1024.0 / n;
    }

    /// <summary>
    /// Mean CPU time per call (process CPU, so it holds up when other work shares the cores), repeating until at
    /// least half a CPU second has been spent; and bytes allocated per call.
    /// </summary>
    private static (string, double, double) Time(string what, int minIterations, Func<object> action)
    {
        for (var i = 0; i < Math.Max(20, minIterations / 10); i++)
        {
            GC.KeepAlive(action());
        }
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpuBefore = process.TotalProcessorTime;
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var iterations = 0;
        var cpu = TimeSpan.Zero;
        while (iterations < minIterations || (cpu < TimeSpan.FromMilliseconds(500) && iterations < 100_000))
        {
            for (var i = 0; i < 50; i++)
            {
                GC.KeepAlive(action());
            }
            iterations += 50;
            process.Refresh();
            cpu = process.TotalProcessorTime - cpuBefore;
        }
        return (what, cpu.TotalMicroseconds / iterations, (GC.GetAllocatedBytesForCurrentThread() - allocated) / 1024.0 / iterations);
    }
}
