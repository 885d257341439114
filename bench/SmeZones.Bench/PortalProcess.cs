using System.Globalization;

namespace SmeZones.Bench;

/// <summary>What /proc says about the portal process (Linux only): memory and CPU time.</summary>
internal sealed class PortalProcess(int pid)
{
    private static readonly double TicksPerSecond = 100; // USER_HZ on Linux

    public int Pid => pid;

    /// <summary>A field of /proc/PID/status in KiB, e.g. VmRSS or VmHWM; 0 if the process is gone.</summary>
    public long StatusKiB(string field) => StatusKiB(pid, field);

    public static long StatusKiB(int processId, string field)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{processId}/status"))
            {
                if (line.StartsWith(field + ":", StringComparison.Ordinal))
                {
                    return long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                }
            }
        }
        catch (IOException)
        {
        }
        return 0;
    }

    /// <summary>User + system CPU seconds the process has used so far.</summary>
    public double CpuSeconds() => Cpu(pid, withReapedChildren: false);

    /// <summary>
    /// CPU seconds of the process, its live descendants, and every process of the tree that has exited and been
    /// reaped (counted in its parent's children's time): the whole of a PostgreSQL cluster when given the postmaster;
    /// for Chromium also the print compositor it starts for each PDF, which its zygote reaps.
    /// </summary>
    public double TreeCpuSeconds()
    {
        var total = Cpu(pid, withReapedChildren: true);
        foreach (var child in Descendants())
        {
            total += Cpu(child, withReapedChildren: true);
        }
        return total;
    }

    private static double Cpu(int processId, bool withReapedChildren)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{processId}/stat");
            // Fields after the command name, which is in parentheses and may hold spaces: utime is the 12th.
            var f = stat[(stat.LastIndexOf(')') + 2)..].Split(' ').Select(v => long.TryParse(v, CultureInfo.InvariantCulture, out var n) ? n : 0).ToArray();
            return (f[11] + f[12] + (withReapedChildren ? f[13] + f[14] : 0)) / TicksPerSecond;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    /// <summary>Busy CPU seconds of the whole machine (all cores, everything but idle and iowait).</summary>
    public static double MachineBusySeconds()
    {
        var f = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        // user nice system idle iowait irq softirq steal (guest time is already in user)
        return (f[0] + f[1] + f[2] + f[5] + f[6] + f[7]) / TicksPerSecond;
    }

    /// <summary>Resident memory of all descendants (Playwright's driver, Chromium and its helpers), KiB.</summary>
    public long DescendantsRssKiB() => Descendants().Sum(child => StatusKiB(child, "VmRSS"));

    /// <summary>
    /// Proportional resident memory of all descendants, KiB: shared pages (Chromium's binary, mapped by each of its
    /// processes) are divided among the processes sharing them, so unlike the sum of VmRSS this does not overcount.
    /// </summary>
    public long DescendantsPssKiB() => Descendants().Sum(child =>
    {
        try
        {
            var line = File.ReadLines($"/proc/{child}/smaps_rollup").FirstOrDefault(l => l.StartsWith("Pss:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line[4..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
        catch (UnauthorizedAccessException)
        {
            return 0;
        }
    });

    private List<int> Descendants()
    {
        var parents = new Dictionary<int, int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var child))
            {
                continue;
            }
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                parents[child] = int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], CultureInfo.InvariantCulture);
            }
            catch (IOException)
            {
            }
        }
        var descendants = new List<int>();
        foreach (var (child, _) in parents)
        {
            for (var p = parents[child]; p > 1 && parents.ContainsKey(p); p = parents[p])
            {
                if (p == pid)
                {
                    descendants.Add(child);
                    break;
                }
            }
        }
        return descendants;
    }

    /// <summary>Samples VmRSS every 100 ms until cancelled; returns the highest seen (KiB).</summary>
    public async Task<long> PeakRssWhileAsync(CancellationToken stop)
    {
        var peak = 0L;
        try
        {
            while (true)
            {
                peak = Math.Max(peak, StatusKiB("VmRSS"));
                await Task.Delay(100, stop);
            }
        }
        catch (OperationCanceledException)
        {
        }
        return Math.Max(peak, StatusKiB("VmRSS"));
    }
}
