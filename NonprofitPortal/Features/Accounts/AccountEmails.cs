using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using MimeKit;
using NonprofitPortal.Features.Sending;

namespace NonprofitPortal.Features.Accounts;

/// <summary>The mail Identity sends (password resets) and the invitation to a new user, through the app's mail transport.</summary>
public sealed class AccountEmails(IMailTransport transport, IOptions<MailOptions> mailOptions) : IEmailSender<ApplicationUser>
{
    public Task SendInvitationAsync(ApplicationUser user, string passwordResetToken, Uri appBaseUri, string invitedBy, CancellationToken cancellationToken)
    {
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(passwordResetToken));
        var link = new Uri(appBaseUri, $"Account/ResetPassword?code={code}&invited=true").AbsoluteUri;
        return SendAsync(
            user.Email!,
            "You are invited to NonprofitPortal",
            $"<p>{HtmlEncoder.Default.Encode(invitedBy)} invited you to NonprofitPortal.</p>"
            + $"<p><a href=\"{HtmlEncoder.Default.Encode(link)}\">Choose your password</a> to sign in as {HtmlEncoder.Default.Encode(user.Email!)}.</p>",
            cancellationToken);
    }

    public Task SendConfirmationLinkAsync(ApplicationUser user, string email, string confirmationLink) =>
        SendAsync(email, "Confirm your email", $"<p><a href=\"{confirmationLink}\">Confirm your email address</a>.</p>", CancellationToken.None);

    public Task SendPasswordResetLinkAsync(ApplicationUser user, string email, string resetLink) =>
        SendAsync(
            email,
            "Reset your NonprofitPortal password",
            $"<p>Someone asked to reset the password of {HtmlEncoder.Default.Encode(email)}.</p><p><a href=\"{resetLink}\">Choose a new password</a>. If it was not you, ignore this message.</p>",
            CancellationToken.None);

    public Task SendPasswordResetCodeAsync(ApplicationUser user, string email, string resetCode) =>
        SendAsync(email, "Your password reset code", $"<p>Your password reset code is {HtmlEncoder.Default.Encode(resetCode)}.</p>", CancellationToken.None);

    /// <summary>Tells a sender that an approver turned their campaign down, and why.</summary>
    public Task SendCampaignRejectedAsync(string to, string campaignName, string rejectedBy, string reason, string campaignLink, CancellationToken cancellationToken) =>
        SendAsync(
            to,
            $"Your campaign “{campaignName}” was not approved",
            $"<p>{HtmlEncoder.Default.Encode(rejectedBy)} rejected your campaign “{HtmlEncoder.Default.Encode(campaignName)}”: nothing of it was sent.</p>"
            + $"<blockquote>{HtmlEncoder.Default.Encode(reason)}</blockquote>"
            + $"<p><a href=\"{HtmlEncoder.Default.Encode(campaignLink)}\">Open the campaign</a>.</p>",
            cancellationToken);

    private Task SendAsync(string to, string subject, string html, CancellationToken cancellationToken)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(mailOptions.Value.From));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.Body = new BodyBuilder { HtmlBody = html }.ToMessageBody();
        return transport.SendAsync(message, cancellationToken);
    }
}
