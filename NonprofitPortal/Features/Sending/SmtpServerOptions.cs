namespace NonprofitPortal.Features.Sending;

public sealed class SmtpServerOptions
{
    public string Name { get; set; } = "";

    public string Host { get; set; } = "";

    public int Port { get; set; } = 25;

    public bool UseTls { get; set; }

    public string? User { get; set; }

    public string? Password { get; set; }

    public int Connections { get; set; } = 4;

    public double MessagesPerSecond { get; set; }

    public int Priority { get; set; } = 1;
}
