namespace NonprofitPortal.Features.Sending;

public sealed class MailOptions
{
    public const string Section = "Mail";

    public MailTransportKind Transport { get; set; } = MailTransportKind.Pickup;

    public string PickupDirectory { get; set; } = "mail-pickup";

    public string From { get; set; } = "NonprofitPortal <noreply@localhost>";

    public SmtpOptions Smtp { get; set; } = new();
}
