using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Npgsql;

namespace NonprofitPortal.Tests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL cluster on a loopback port, started once per test run
/// (use as an xunit assembly or collection fixture). Each test class creates its own
/// database with <see cref="CreateDatabaseAsync"/>.
/// </summary>
public sealed partial class PostgresServer : IAsyncLifetime
{
    private const string Superuser = "postgres";
    private static readonly TimeSpan _commandTimeout = TimeSpan.FromSeconds(60);

    private string? _initdb;
    private string? _pgCtl;
    private DirectoryInfo? _root;
    private bool _started;

    public bool IsAvailable { get; private set; }

    public string? UnavailableReason { get; private set; }

    public int Port { get; private set; }

    private string DataDirectory => Path.Combine(_root!.FullName, "data");

    private string LogFile => Path.Combine(_root!.FullName, "postgres.log");

    public async ValueTask InitializeAsync()
    {
        UnavailableReason = FindBinaries();
        if (UnavailableReason is not null)
        {
            return;
        }

        _root = RealServer.CreateTraversableTempDirectory("nonprofitportal-pg-");
        try
        {
            if (RealServer.IsRoot)
            {
                await RunAsync("chown", [$"{Superuser}:", _root.FullName], asSuperuser: false);
            }

            await RunAsync(_initdb!,
            [
                "-D", DataDirectory, "--auth=trust", $"--username={Superuser}", "-E", "UTF8",
                $"--locale={ClusterLocale()}", "--no-sync",
            ]);

            Port = RealServer.FreeLoopbackPort();
            await StartServerAsync();
            _started = true;
            IsAvailable = true;
        }
        catch (Exception ex)
        {
            var message = $"Could not start the test PostgreSQL cluster: {ex.Message}{LogTail()}";
            await DisposeAsync();
            throw new InvalidOperationException(message, ex);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_started)
            {
                _started = false;
                IsAvailable = false;
                await RunAsync(_pgCtl!, ["stop", "-m", "immediate", "-w", "-D", DataDirectory]);
            }
        }
        finally
        {
            _root?.Delete(recursive: true);
            _root = null;
        }
    }

    /// <summary>Stops the server as an outage would (<c>pg_ctl stop -m fast</c>: open connections are cut).</summary>
    public async Task StopAsync()
    {
        IsAvailable = false;
        _started = false;
        await RunAsync(_pgCtl!, ["stop", "-m", "fast", "-w", "-D", DataDirectory]);
    }

    /// <summary>Starts a server stopped by <see cref="StopAsync"/> again, on the same port and data.</summary>
    public async Task StartAgainAsync()
    {
        await StartServerAsync();
        _started = true;
        IsAvailable = true;
    }

    /// <summary>Creates a fresh, uniquely named database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string namePrefix, CancellationToken ct)
    {
        if (!IsAvailable)
        {
            throw new InvalidOperationException(UnavailableReason ?? "The PostgreSQL cluster is not running.");
        }

        var prefix = NonIdentifierCharacters().Replace(namePrefix.ToLowerInvariant(), "_");
        // PostgreSQL truncates identifiers at 63 bytes; keep the unique suffix intact.
        var name = $"{prefix[..Math.Min(prefix.Length, 40)]}_{Guid.NewGuid().ToString("N")[..12]}";

        var admin = new NpgsqlConnectionStringBuilder(ConnectionString(Superuser)) { Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync(ct);

        return ConnectionString(name);
    }

    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Username = Superuser,
            Database = database,
            Pooling = true,
        }.ConnectionString;

    private async Task StartServerAsync()
    {
        var serverOptions =
            $"-p {Port} -c listen_addresses=127.0.0.1 -k '{_root!.FullName}' " +
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200";
        await RunAsync(_pgCtl!,
        [
            "start", "-w", "-t", ((int)_commandTimeout.TotalSeconds).ToString(),
            "-D", DataDirectory, "-l", LogFile, "-o", serverOptions,
        ]);
    }

    private string? FindBinaries()
    {
        var pathDirectories = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        var packagedDirectories = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var major) ? major : 0)
                .Select(d => Path.Combine(d, "bin"))
            : [];

        var binDirectory = pathDirectories.Concat(packagedDirectories).FirstOrDefault(d =>
            File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")));
        if (binDirectory is null)
        {
            return "PostgreSQL server binaries (initdb, pg_ctl) were not found on PATH or in /usr/lib/postgresql/*/bin.";
        }

        if (RealServer.IsRoot && !File.ReadLines("/etc/passwd").Any(l => l.StartsWith($"{Superuser}:", StringComparison.Ordinal)))
        {
            return "Running as root, but there is no 'postgres' user to run the PostgreSQL server as.";
        }

        _initdb = Path.Combine(binDirectory, "initdb");
        _pgCtl = Path.Combine(binDirectory, "pg_ctl");
        return null;
    }

    // C.UTF-8 keeps collation deterministic while giving non-ASCII case mapping (lower/ILIKE).
    private static string ClusterLocale() => Directory.Exists("/usr/lib/locale/C.utf8") ? "C.UTF-8" : "C";

    /// <summary>PostgreSQL refuses to run as root, so its tools run as the postgres user then.</summary>
    private static async Task RunAsync(string program, IReadOnlyList<string> arguments, bool asSuperuser = true)
    {
        var startInfo = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asSuperuser && RealServer.IsRoot)
        {
            startInfo.FileName = "runuser";
            foreach (var argument in (string[])["-u", Superuser, "--", program])
            {
                startInfo.ArgumentList.Add(argument);
            }
        }
        else
        {
            startInfo.FileName = program;
        }

        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => AppendLine(output, e.Data);
        process.ErrorDataReceived += (_, e) => AppendLine(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var timeout = new CancellationTokenSource(_commandTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{Path.GetFileName(program)}' did not finish within {_commandTimeout.TotalSeconds} s.\n{output}");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"'{Path.GetFileName(program)} {string.Join(' ', arguments)}' exited with code {process.ExitCode}.\n{output}");
        }
    }

    private static void AppendLine(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private string LogTail()
    {
        if (_root is null || !File.Exists(LogFile))
        {
            return "";
        }

        var lines = File.ReadAllLines(LogFile);
        return "\nPostgreSQL log (last lines):\n" + string.Join('\n', lines.TakeLast(40));
    }

    [GeneratedRegex("[^a-z0-9_]")]
    private static partial Regex NonIdentifierCharacters();
}
