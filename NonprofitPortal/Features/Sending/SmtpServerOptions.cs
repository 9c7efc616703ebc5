namespace NonprofitPortal.Features.Sending;

/// <summary>One entry of <c>Mail:Smtp:Servers</c>.</summary>
public sealed class SmtpServerOptions
{
    /// <summary>How pages, logs and each send's record name it; defaults to host:port.</summary>
    public string Name { get; set; } = "";

    public string Host { get; set; } = "";

    public int Port { get; set; } = 25;

    public bool UseTls { get; set; }

    public string? User { get; set; }

    public string? Password { get; set; }

    /// <summary>Connections kept open to it.</summary>
    public int Connections { get; set; } = 4;

    /// <summary>Its own pace limit; 0 for none.</summary>
    public double MessagesPerSecond { get; set; }

    /// <summary>1 is used before 2.</summary>
    public int Priority { get; set; } = 1;

    public SmtpServerOptions Named(string name) => new()
    {
        Name = name,
        Host = Host,
        Port = Port,
        UseTls = UseTls,
        User = User,
        Password = Password,
        Connections = Connections,
        MessagesPerSecond = MessagesPerSecond,
        Priority = Priority,
    };
}
