using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace NonprofitPortal.Tests.Infrastructure;

/// <summary>
/// A real SMTP server for tests: one Postfix smtp-sink process on a loopback port that
/// dumps every mail transaction to its own file in <see cref="DumpDirectory"/>.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    // smtp-sink writes the dump before it answers ".", so transactions dumped while "."
    // is being refused get this file name prefix and are not reported as received.
    private const string RefusedPrefix = "refused-";

    private static readonly string? _executable = FindExecutable();
    private static readonly TimeSpan _startTimeout = TimeSpan.FromSeconds(30);

    private readonly DirectoryInfo _dumpDirectory;
    private readonly StringBuilder _output = new();
    private SmtpSinkOptions _options;
    private Process? _process;

    private SmtpSink(SmtpSinkOptions options)
    {
        _options = options;
        // smtp-sink drops to 'nobody' when started as root and must still be able to write here.
        _dumpDirectory = RealServer.CreateTraversableTempDirectory("nonprofitportal-smtp-", writableByAll: true);
        Port = RealServer.FreeLoopbackPort();
    }

    public static bool IsAvailable => _executable is not null;

    public static string? UnavailableReason =>
        IsAvailable ? null : "Postfix's smtp-sink was not found on PATH or in /usr/sbin (apt-get install postfix).";

    public string Host => "127.0.0.1";

    public int Port { get; }

    public string DumpDirectory => _dumpDirectory.FullName;

    public static async Task<SmtpSink> StartAsync(SmtpSinkOptions? options = null, CancellationToken ct = default)
    {
        if (!IsAvailable)
        {
            throw new InvalidOperationException(UnavailableReason);
        }

        var sink = new SmtpSink(options ?? new SmtpSinkOptions());
        try
        {
            await sink.LaunchAsync(ct);
            return sink;
        }
        catch
        {
            await sink.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Messages the server accepted, oldest first. Transactions in progress, aborted or
    /// refused at any step (including the final ".") are left out.
    /// </summary>
    public IReadOnlyList<SinkMessage> ReadMessages()
    {
        var inProgress = FilesHeldOpen();
        return Directory.EnumerateFiles(DumpDirectory)
            .Where(path => !inProgress.Contains(path) && !Path.GetFileName(path).StartsWith(RefusedPrefix, StringComparison.Ordinal))
            .Select(SinkMessage.TryParse)
            .OfType<SinkMessage>()
            .OrderBy(m => m.ArrivedAt)
            .ThenBy(m => m.FilePath, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Kills the server; connections are refused until <see cref="RestartAsync"/>.</summary>
    public async Task StopAsync()
    {
        if (_process is null)
        {
            return;
        }

        _process.Kill();
        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
    }

    /// <summary>Starts the server again on the same port, keeping the messages received so far.</summary>
    public Task RestartAsync(CancellationToken ct = default) => RestartAsync(_options, ct);

    /// <summary>
    /// Starts the server again on the same port with new options (e.g. stop refusing mail),
    /// keeping the messages received so far.
    /// </summary>
    public async Task RestartAsync(SmtpSinkOptions options, CancellationToken ct = default)
    {
        await StopAsync();
        _options = options;
        await LaunchAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _dumpDirectory.Delete(recursive: true);
    }

    private async Task LaunchAsync(CancellationToken ct)
    {
        var startInfo = new ProcessStartInfo(_executable!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (RealServer.IsRoot)
        {
            startInfo.ArgumentList.Add("-u");
            startInfo.ArgumentList.Add("nobody");
        }

        // One file per transaction; smtp-sink appends a random hex suffix to the expanded template.
        startInfo.ArgumentList.Add("-d");
        startInfo.ArgumentList.Add(Path.Combine(DumpDirectory, (_options.RefusesEndOfData ? RefusedPrefix : "") + "%Y%m%d%H%M%S."));
        foreach (var argument in _options.ToArguments())
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.ArgumentList.Add($"{Host}:{Port}");
        startInfo.ArgumentList.Add(_options.Backlog.ToString());

        lock (_output)
        {
            _output.Clear();
        }

        _process = new Process { StartInfo = startInfo };
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(_startTimeout);
        try
        {
            while (!await AnswersAsync(timeout.Token))
            {
                if (_process.HasExited)
                {
                    throw new InvalidOperationException(
                        $"smtp-sink exited with code {_process.ExitCode} while starting on port {Port}: {Output()}");
                }

                await Task.Delay(TimeSpan.FromMilliseconds(50), timeout.Token);
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new TimeoutException($"smtp-sink did not answer on port {Port} within {_startTimeout.TotalSeconds} s: {Output()}");
        }
    }

    /// <summary>
    /// True once the server greets a connection: normally with the 220 banner, or with the
    /// reply (or silent disconnect) the options configure for CONNECT.
    /// </summary>
    private async Task<bool> AnswersAsync(CancellationToken ct)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(Host, Port, ct);
            using var reader = new StreamReader(client.GetStream(), Encoding.ASCII);
            var greeting = await reader.ReadLineAsync(ct);
            return greeting is null || (greeting.Length >= 3 && greeting[..3].All(char.IsAsciiDigit));
        }
        catch (Exception ex) when (ex is SocketException or IOException)
        {
            return false;
        }
    }

    /// <summary>
    /// smtp-sink creates a dump file at MAIL FROM and writes it out by blocks until the
    /// final "."; files it still holds open are transactions in progress.
    /// </summary>
    private HashSet<string> FilesHeldOpen()
    {
        var held = new HashSet<string>(StringComparer.Ordinal);
        if (_process is null)
        {
            return held;
        }

        try
        {
            foreach (var descriptor in new DirectoryInfo($"/proc/{_process.Id}/fd").EnumerateFileSystemInfos())
            {
                try
                {
                    if (descriptor.LinkTarget is { } target)
                    {
                        held.Add(target);
                    }
                }
                catch (IOException)
                {
                    // The descriptor was closed while we looked.
                }
            }
        }
        catch (DirectoryNotFoundException)
        {
            // The process has exited, so it holds nothing open.
        }

        return held;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private string Output()
    {
        lock (_output)
        {
            return _output.ToString();
        }
    }

    private static string? FindExecutable() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Append("/usr/sbin")
        .Select(directory => Path.Combine(directory, "smtp-sink"))
        .FirstOrDefault(File.Exists);
}
