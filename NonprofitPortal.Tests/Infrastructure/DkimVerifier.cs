using System.Diagnostics;
using System.Text;

namespace NonprofitPortal.Tests.Infrastructure;

/// <summary>
/// An independent DKIM verifier: Debian's python3-dkim (dkimpy) run by <c>/usr/bin/python3</c>,
/// with the public key handed to it as the TXT record DNS would hold, so no DNS is needed.
/// </summary>
public static class DkimVerifier
{
    private const string Python = "/usr/bin/python3";

    // argv: the record's name and its text; the message on stdin. Prints True or False, then dkimpy's log.
    private const string Script = """
        import logging, sys, io, dkim
        name, record = sys.argv[1].encode(), sys.argv[2].encode()
        def dnsfunc(queried, timeout=5):
            return record if queried.rstrip(b'.') == name else None
        log = io.StringIO()
        logger = logging.getLogger('dkim'); logger.addHandler(logging.StreamHandler(log)); logger.setLevel(logging.DEBUG)
        print(dkim.verify(sys.stdin.buffer.read(), logger=logger, dnsfunc=dnsfunc))
        print(log.getvalue())
        """;

    private static readonly Lazy<string?> _unavailableReason = new(FindProblem);

    public static string? UnavailableReason => _unavailableReason.Value;

    /// <param name="message">The message as it went over SMTP; line ends are made CRLF, as on the wire.</param>
    /// <param name="publicKey">The base64 SubjectPublicKeyInfo published as <c>p=</c>.</param>
    /// <returns>Whether dkimpy verified the signature, and what it said.</returns>
    public static async Task<(bool Verified, string Output)> VerifyAsync(string message, string selector, string domain, string publicKey)
    {
        var start = new ProcessStartInfo(Python)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-c", Script, $"{selector}._domainkey.{domain}", $"v=DKIM1; k=rsa; p={publicKey}" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        var wire = Encoding.UTF8.GetBytes(message.Replace("\n", "\r\n", StringComparison.Ordinal));
        await process.StandardInput.BaseStream.WriteAsync(wire, TestContext.Current.CancellationToken);
        process.StandardInput.Close();
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        var said = $"{await output}{await errors}";
        return (process.ExitCode == 0 && said.StartsWith("True", StringComparison.Ordinal), said);
    }

    private static string? FindProblem()
    {
        if (!File.Exists(Python))
        {
            return $"{Python} was not found (apt-get install python3 python3-dkim).";
        }

        using var probe = Process.Start(new ProcessStartInfo(Python, ["-c", "import dkim"]) { UseShellExecute = false, RedirectStandardError = true })!;
        probe.WaitForExit();
        return probe.ExitCode == 0 ? null : "Debian's python3-dkim is not installed (apt-get install python3-dkim).";
    }
}
