using System.Diagnostics;
using System.Text;

namespace NonprofitPortal.Tests.Infrastructure;

/// <summary>
/// The app as its own operating-system process (the build next to the tests), so that a test
/// can kill it the hard way (SIGKILL) and start it again on the same database.
/// </summary>
public sealed class PortalProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private PortalProcess(IReadOnlyDictionary<string, string> settings, int port)
    {
        Address = new Uri($"http://127.0.0.1:{port}/");
        var startInfo = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "NonprofitPortal.dll"));
        startInfo.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        startInfo.Environment["ASPNETCORE_URLS"] = Address.AbsoluteUri.TrimEnd('/');
        foreach (var (key, value) in settings)
        {
            startInfo.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        _process = new Process { StartInfo = startInfo };
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
    }

    public Uri Address { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts the app and waits until its health endpoint answers.</summary>
    public static async Task<PortalProcess> StartAsync(IReadOnlyDictionary<string, string> settings, int port)
    {
        var portal = new PortalProcess(settings, port);
        portal._process.Start();
        portal._process.BeginOutputReadLine();
        portal._process.BeginErrorReadLine();
        using var client = new HttpClient { BaseAddress = portal.Address };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            if (portal._process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with code {portal._process.ExitCode} while starting: {portal.Output}");
            }

            try
            {
                if ((await client.GetAsync("/health", TestContext.Current.CancellationToken)).IsSuccessStatusCode)
                {
                    return portal;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The app did not answer /health within 60 s: {portal.Output}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), TestContext.Current.CancellationToken);
        }
    }

    /// <summary>SIGTERM, as a service manager or an orchestrator stops the app; returns how long it took to exit, or null if it had not within <paramref name="patience"/>.</summary>
    public async Task<TimeSpan?> TerminateAsync(TimeSpan patience)
    {
        var started = DateTime.UtcNow;
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(patience);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
            return DateTime.UtcNow - started;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    public int ExitCode => _process.ExitCode;

    /// <summary>SIGKILL: no shutdown code runs, exactly like a crash or <c>kill -9</c>.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }
}
