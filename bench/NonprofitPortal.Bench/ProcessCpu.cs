namespace NonprofitPortal.Bench;

/// <summary>
/// The CPU time of other processes on this machine, by name, from Linux's <c>/proc</c>: the
/// database server shares the two cores with the drain, and its CPU per message counts as much.
/// </summary>
internal static class ProcessCpu
{
    // USER_HZ: the unit of /proc's times, 100 on every Linux the runtime supports.
    private const double TicksPerSecond = 100;

    /// <summary>
    /// Seconds of CPU used so far by the processes called <paramref name="name"/> and by their
    /// children already reaped (a server's ended sessions are counted in its parent), or null
    /// when <c>/proc</c> cannot be read or no such process runs.
    /// </summary>
    public static double? SecondsOf(string name)
    {
        if (!Directory.Exists("/proc"))
        {
            return null;
        }

        long ticks = 0;
        var found = false;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out _))
            {
                continue;
            }

            string stat;
            try
            {
                stat = File.ReadAllText(Path.Combine(directory, "stat"));
            }
            catch (IOException)
            {
                continue; // The process ended while we looked.
            }

            // "pid (comm) state ppid ..." where comm may hold spaces: the fields after the last ')'.
            var open = stat.IndexOf('(');
            var close = stat.LastIndexOf(')');
            if (open < 0 || close < open || stat[(open + 1)..close] != name)
            {
                continue;
            }

            var fields = stat[(close + 2)..].Split(' ');
            // utime, stime, cutime and cstime: fields 14 to 17 of the line, 11 to 14 after comm.
            ticks += long.Parse(fields[11]) + long.Parse(fields[12]) + long.Parse(fields[13]) + long.Parse(fields[14]);
            found = true;
        }

        return found ? ticks / TicksPerSecond : null;
    }
}
