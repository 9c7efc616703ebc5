namespace NonprofitPortal.Tests.Infrastructure;

/// <summary>
/// Typed smtp-sink switches. Command names are smtp-sink's: CONNECT, HELO, EHLO, MAIL,
/// RCPT, DATA, "." (end of message data), RSET, NOOP, QUIT. smtp-sink applies them to
/// every session; it cannot single out addresses (e.g. reject only some recipients).
/// </summary>
public sealed class SmtpSinkOptions
{
    /// <summary>Answer these commands with a soft 4xx error (<c>-r</c>, default "450 4.3.0 Error: command failed").</summary>
    public IReadOnlyList<string> RejectCommands { get; init; } = [];

    /// <summary>Answer these commands with a hard 5xx error (<c>-f</c>, default "500 5.3.0 Error: command failed").</summary>
    public IReadOnlyList<string> HardErrorCommands { get; init; } = [];

    /// <summary>Answer these commands with "421 4.0.0 Server closing connection" and disconnect (<c>-Q</c>).</summary>
    public IReadOnlyList<string> ServiceClosingCommands { get; init; } = [];

    /// <summary>Disconnect without replying after these commands (<c>-q</c>).</summary>
    public IReadOnlyList<string> DisconnectCommands { get; init; } = [];

    /// <summary>Full reply line used for <see cref="RejectCommands"/> (<c>-b</c>), e.g. "452 4.2.2 Mailbox full".</summary>
    public string? RejectReply { get; init; }

    /// <summary>Full reply line used for <see cref="HardErrorCommands"/> (<c>-B</c>), e.g. "550 5.1.1 No such user".</summary>
    public string? HardErrorReply { get; init; }

    /// <summary>Sessions served at once (<c>-m</c>, smtp-sink's default is 256); excess connections wait in the backlog.</summary>
    public int? MaxConcurrentSessions { get; init; }

    /// <summary>listen(2) backlog for connections not yet accepted.</summary>
    public int Backlog { get; init; } = 1024;

    /// <summary>Raw smtp-sink arguments, placed before the listen address.</summary>
    public IReadOnlyList<string> ExtraArguments { get; init; } = [];

    internal bool RefusesEndOfData =>
        CommandOptions().Any(o => o.Commands.Contains(".", StringComparer.Ordinal));

    internal IEnumerable<string> ToArguments()
    {
        foreach (var (option, commands) in CommandOptions())
        {
            if (commands.Count > 0)
            {
                yield return option;
                yield return string.Join(',', commands);
            }
        }

        if (RejectReply is not null)
        {
            yield return "-b";
            yield return RejectReply;
        }

        if (HardErrorReply is not null)
        {
            yield return "-B";
            yield return HardErrorReply;
        }

        if (MaxConcurrentSessions is { } max)
        {
            yield return "-m";
            yield return max.ToString();
        }

        foreach (var argument in ExtraArguments)
        {
            yield return argument;
        }
    }

    private (string Option, IReadOnlyList<string> Commands)[] CommandOptions() =>
        [("-r", RejectCommands), ("-f", HardErrorCommands), ("-Q", ServiceClosingCommands), ("-q", DisconnectCommands)];
}
