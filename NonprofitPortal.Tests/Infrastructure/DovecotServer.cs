using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;
using MimeKit;

namespace NonprofitPortal.Tests.Infrastructure;

/// <summary>
/// A real Dovecot (IMAP and POP3) on loopback ports, started once per test run (an xunit assembly
/// fixture). Its configuration, password file and maildirs live in a temp directory of its own;
/// each test makes its own mailbox user with <see cref="CreateUserAsync"/>.
/// </summary>
public sealed class DovecotServer : IAsyncLifetime
{
    private const string Password = "Bounce-Test-1";
    private static readonly TimeSpan _startTimeout = TimeSpan.FromSeconds(30);

    private readonly StringBuilder _output = new();
    private readonly SemaphoreSlim _passwdLock = new(1, 1);
    private DirectoryInfo? _root;
    private Process? _process;
    private string? _executable;

    public bool IsAvailable { get; private set; }

    public string? UnavailableReason { get; private set; }

    public string Host => "127.0.0.1";

    public int ImapPort { get; private set; }

    public int Pop3Port { get; private set; }

    private string PasswdFile => Path.Combine(_root!.FullName, "passwd");

    public async ValueTask InitializeAsync()
    {
        _executable = new[] { "/usr/sbin/dovecot" }
            .Concat((Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Select(d => Path.Combine(d, "dovecot")))
            .FirstOrDefault(File.Exists);
        if (_executable is null || !File.Exists("/usr/lib/dovecot/imap") || !File.Exists("/usr/lib/dovecot/pop3"))
        {
            UnavailableReason = "Dovecot with IMAP and POP3 was not found (apt-get install dovecot-imapd dovecot-pop3d).";
            return;
        }

        if (RealServer.IsRoot && !File.ReadLines("/etc/passwd").Any(l => l.StartsWith("dovecot:", StringComparison.Ordinal)))
        {
            UnavailableReason = "Running as root, but there is no 'dovecot' user for Dovecot's own processes.";
            return;
        }

        if (OperatingSystem.IsWindows())
        {
            UnavailableReason = "Dovecot runs on Linux only.";
            return;
        }

        _root = RealServer.CreateTraversableTempDirectory("nonprofitportal-dovecot-");
        try
        {
            Directory.CreateDirectory(Path.Combine(_root.FullName, "mail"));
            File.WriteAllText(PasswdFile, "");
            File.SetUnixFileMode(PasswdFile, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            ImapPort = RealServer.FreeLoopbackPort();
            Pop3Port = RealServer.FreeLoopbackPort();
            var config = Path.Combine(_root.FullName, "dovecot.conf");
            File.WriteAllText(config, Configuration());
            await LaunchAsync(config);
            IsAvailable = true;
        }
        catch (Exception ex)
        {
            var message = $"Could not start the test Dovecot: {ex.Message}\n{Output()}{LogTail()}";
            await DisposeAsync();
            throw new InvalidOperationException(message, ex);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        _process = null;
        IsAvailable = false;
        _root?.Delete(recursive: true);
        _root = null;
    }

    /// <summary>A new, empty mailbox; returns its login (the password is <see cref="PasswordOf"/>).</summary>
    public async Task<string> CreateUserAsync(string prefix)
    {
        var user = $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";
        await _passwdLock.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            // Dovecot reads the file again when it changes.
            await File.AppendAllTextAsync(PasswdFile, $"{user}:{{PLAIN}}{Password}::::::\n", TestContext.Current.CancellationToken);
        }
        finally
        {
            _passwdLock.Release();
        }

        return user;
    }

    public string PasswordOf(string user) => Password;

    /// <summary>Puts messages into a folder of the user's mailbox, as a mail server delivering them would (IMAP APPEND).</summary>
    public async Task AppendAsync(string user, string folder, params string[] rawMessages)
    {
        using var client = await ConnectAsync(user);
        var target = folder == "INBOX" ? client.Inbox : (await FolderAsync(client, folder, create: true))!;
        foreach (var raw in rawMessages)
        {
            using var stream = new MemoryStream(Encoding.UTF8.GetBytes(raw));
            await target.AppendAsync(new AppendRequest(await MimeMessage.LoadAsync(stream, TestContext.Current.CancellationToken)), TestContext.Current.CancellationToken);
        }

        await client.DisconnectAsync(true, TestContext.Current.CancellationToken);
    }

    /// <summary>The subjects of the messages in a folder (none when it does not exist).</summary>
    public async Task<IReadOnlyList<string>> SubjectsAsync(string user, string folder)
    {
        using var client = await ConnectAsync(user);
        var target = folder == "INBOX" ? client.Inbox : await FolderAsync(client, folder, create: false);
        if (target is null)
        {
            return [];
        }

        await target.OpenAsync(FolderAccess.ReadOnly, TestContext.Current.CancellationToken);
        var subjects = new List<string>();
        for (var i = 0; i < target.Count; i++)
        {
            subjects.Add((await target.GetMessageAsync(i, TestContext.Current.CancellationToken)).Subject ?? "");
        }

        await client.DisconnectAsync(true, TestContext.Current.CancellationToken);
        return subjects;
    }

    private async Task<ImapClient> ConnectAsync(string user)
    {
        var client = new ImapClient();
        await client.ConnectAsync(Host, ImapPort, SecureSocketOptions.None, TestContext.Current.CancellationToken);
        await client.AuthenticateAsync(user, Password, TestContext.Current.CancellationToken);
        return client;
    }

    private static async Task<IMailFolder?> FolderAsync(ImapClient client, string name, bool create)
    {
        try
        {
            return await client.GetFolderAsync(name, TestContext.Current.CancellationToken);
        }
        catch (FolderNotFoundException) when (create)
        {
            var root = await client.GetFolderAsync(client.PersonalNamespaces[0].Path, TestContext.Current.CancellationToken);
            return await root.CreateAsync(name, true, TestContext.Current.CancellationToken);
        }
        catch (FolderNotFoundException)
        {
            return null;
        }
    }

    /// <summary>
    /// Only what the tests need: plaintext logins on loopback, one passwd-file, maildirs under the
    /// temp directory. As root, mail belongs to 'nobody' and Dovecot's own processes run as its
    /// usual users; otherwise everything runs as the current user.
    /// </summary>
    private string Configuration()
    {
        var root = _root!.FullName;
        var (mailUser, internalUser, loginUser) = RealServer.IsRoot ? ("nobody", "dovecot", "dovenull") : (Environment.UserName, Environment.UserName, Environment.UserName);
        if (RealServer.IsRoot)
        {
            Run("chown", "nobody:", Path.Combine(root, "mail"));
        }

        return $$"""
            base_dir = {{root}}/run
            state_dir = {{root}}/state
            log_path = {{root}}/dovecot.log
            protocols = imap pop3
            listen = 127.0.0.1
            ssl = no
            disable_plaintext_auth = no
            auth_mechanisms = plain login
            default_internal_user = {{internalUser}}
            default_login_user = {{loginUser}}
            first_valid_uid = 1
            mail_location = maildir:{{root}}/mail/%u
            pop3_uidl_format = %08Xu%08Xv
            passdb {
              driver = passwd-file
              args = scheme=PLAIN username_format=%u {{PasswdFile}}
            }
            userdb {
              driver = static
              args = uid={{mailUser}} gid={{MailGroup(mailUser)}} home={{root}}/mail/%u
            }
            service imap-login {
              inet_listener imap {
                address = 127.0.0.1
                port = {{ImapPort}}
              }
              inet_listener imaps {
                port = 0
              }
            }
            service pop3-login {
              inet_listener pop3 {
                address = 127.0.0.1
                port = {{Pop3Port}}
              }
              inet_listener pop3s {
                port = 0
              }
            }
            """;
    }

    private static string MailGroup(string user) => RealServer.IsRoot ? "nogroup" : user;

    private async Task LaunchAsync(string config)
    {
        var startInfo = new ProcessStartInfo(_executable!) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])["-F", "-c", config])
        {
            startInfo.ArgumentList.Add(argument);
        }

        _process = new Process { StartInfo = startInfo };
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var deadline = DateTime.UtcNow + _startTimeout;
        while (!await GreetsAsync(ImapPort) || !await GreetsAsync(Pop3Port))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"dovecot exited with code {_process.ExitCode} while starting.");
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"dovecot did not answer on ports {ImapPort} and {Pop3Port} within {_startTimeout.TotalSeconds} s.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }
    }

    private async Task<bool> GreetsAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(Host, port);
            using var reader = new StreamReader(client.GetStream(), Encoding.ASCII);
            var greeting = await reader.ReadLineAsync();
            return greeting?.StartsWith("* OK", StringComparison.Ordinal) == true || greeting?.StartsWith("+OK", StringComparison.Ordinal) == true;
        }
        catch (Exception ex) when (ex is SocketException or IOException)
        {
            return false;
        }
    }

    private static void Run(string program, params string[] arguments)
    {
        using var process = Process.Start(program, arguments);
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"'{program} {string.Join(' ', arguments)}' exited with code {process.ExitCode}.");
        }
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

    private string Output()
    {
        lock (_output)
        {
            return _output.ToString();
        }
    }

    private string LogTail()
    {
        var log = _root is null ? null : Path.Combine(_root.FullName, "dovecot.log");
        return log is not null && File.Exists(log) ? "\nDovecot log (last lines):\n" + string.Join('\n', File.ReadAllLines(log).TakeLast(30)) : "";
    }
}
