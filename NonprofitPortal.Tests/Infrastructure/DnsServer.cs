using System.Diagnostics;
using System.Net;
using DnsClient;

namespace NonprofitPortal.Tests.Infrastructure;

/// <summary>
/// A real DNS server for tests: dnsmasq on a loopback port, serving <see cref="SenderDomains"/>
/// and nothing else, started once per test run (an xunit assembly fixture).
/// </summary>
public sealed class DnsServer : IAsyncLifetime
{
    private static readonly TimeSpan _startTimeout = TimeSpan.FromSeconds(10);
    private readonly ProcessOutput _output = new();
    private DirectoryInfo? _directory;
    private Process? _process;

    public bool IsAvailable => _process is not null;

    public string? UnavailableReason { get; private set; }

    public int Port { get; private set; }

    /// <summary>As <c>Mail:DnsServers:0</c> takes it.</summary>
    public string Address => $"127.0.0.1:{Port}";

    public async ValueTask InitializeAsync()
    {
        var executable = new[] { "/usr/sbin/dnsmasq", "/usr/bin/dnsmasq" }.FirstOrDefault(File.Exists);
        if (executable is null)
        {
            UnavailableReason = "dnsmasq was not found in /usr/sbin (apt-get install dnsmasq-base).";
            return;
        }

        _directory = RealServer.CreateTraversableTempDirectory("nonprofitportal-dns-");
        var conf = Path.Combine(_directory.FullName, "dnsmasq.conf");
        await File.WriteAllLinesAsync(conf, SenderDomains.DnsmasqLines());
        Port = RealServer.FreeLoopbackPort();
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[]
        {
            "--no-daemon", $"--port={Port}", "--listen-address=127.0.0.1", "--bind-interfaces", "--no-resolv", "--no-hosts",
            $"--conf-file={conf}", $"--pid-file={Path.Combine(_directory.FullName, "dnsmasq.pid")}", "--log-facility=-",
        })
        {
            start.ArgumentList.Add(argument);
        }

        if (RealServer.IsRoot)
        {
            start.ArgumentList.Add("--user=nobody");
        }

        _process = new Process { StartInfo = start };
        _output.Collect(_process);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitUntilAnsweringAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        _directory?.Delete(recursive: true);
    }

    private async Task WaitUntilAnsweringAsync()
    {
        var client = new LookupClient(new LookupClientOptions(new IPEndPoint(IPAddress.Loopback, Port)) { UseCache = false, Timeout = TimeSpan.FromMilliseconds(200), Retries = 0 });
        var deadline = DateTime.UtcNow + _startTimeout;
        while (true)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException($"dnsmasq exited with code {_process.ExitCode} while starting on port {Port}: {_output}");
            }

            try
            {
                var response = await client.QueryAsync(SenderDomains.Right, QueryType.TXT);
                if (response.Answers.Count > 0)
                {
                    return;
                }
            }
            catch (DnsResponseException)
            {
                // Not listening yet.
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"dnsmasq did not answer on port {Port} within {_startTimeout.TotalSeconds} s: {_output}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }
    }
}
