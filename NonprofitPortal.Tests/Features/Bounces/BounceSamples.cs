namespace NonprofitPortal.Tests.Features.Bounces;

/// <summary>
/// Bounce and complaint messages as mail servers write them (Postfix's DSN, RFC 5965's ARF
/// example, a qmail-style bounce in words), about a message with the given Message-ID.
/// </summary>
public static class BounceSamples
{
    /// <summary>A Postfix delivery status notification for one failed recipient.</summary>
    public static string DeliveryStatus(string messageId, string recipient, string status = "5.1.1", string diagnostic = "smtp; 550 5.1.1 <{0}>: Recipient address rejected: User unknown in virtual mailbox table", string action = "failed", string? to = "bounces@foundation.test", string? bounceId = null) => $"""
        Return-Path: <>
        Delivered-To: {to}
        From: MAILER-DAEMON@mx.example.net (Mail Delivery System)
        To: {to}
        Subject: Undelivered Mail Returned to Sender
        Message-ID: <{bounceId ?? Guid.NewGuid().ToString("N")}@mx.example.net>
        Date: Tue, 1 Dec 2026 10:00:00 +0000 (UTC)
        MIME-Version: 1.0
        Content-Type: multipart/report; report-type=delivery-status;
        	boundary="B0UNDARY/mx.example.net"
        Auto-Submitted: auto-replied

        This is a MIME-encapsulated message.

        --B0UNDARY/mx.example.net
        Content-Description: Notification
        Content-Type: text/plain; charset=us-ascii

        This is the mail system at host mx.example.net.

        I'm sorry to have to inform you that your message could not
        be delivered to one or more recipients.

        <{recipient}>: host mail.example.org said: 550 5.1.1 User unknown

        --B0UNDARY/mx.example.net
        Content-Description: Delivery report
        Content-Type: message/delivery-status

        Reporting-MTA: dns; mx.example.net
        X-Postfix-Queue-ID: 4F2A31E0042
        Arrival-Date: Tue,  1 Dec 2026 09:59:58 +0000 (UTC)

        Final-Recipient: rfc822; {recipient}
        Original-Recipient: rfc822;{recipient}
        Action: {action}
        Status: {status}
        Remote-MTA: dns; mail.example.org
        Diagnostic-Code: {string.Format(diagnostic, recipient)}

        --B0UNDARY/mx.example.net
        Content-Description: Undelivered Message Headers
        Content-Type: text/rfc822-headers

        Return-Path: <portal@portal.test>
        From: Portal Tests <portal@portal.test>
        To: Recipient <{recipient}>
        Subject: Hello
        Message-ID: <{messageId}>
        Date: Tue, 1 Dec 2026 09:59:57 +0000

        --B0UNDARY/mx.example.net--
        """.Replace("\r\n", "\n").Replace("\n", "\r\n");

    /// <summary>An abuse report in the Abuse Reporting Format, the original attached whole.</summary>
    public static string Complaint(string messageId, string? recipient, string feedbackType = "abuse", string? bounceId = null) => $"""
        From: <abusedesk@isp.example>
        Date: Thu, 3 Dec 2026 12:00:00 +0000
        Subject: FW: Hello
        To: <bounces@foundation.test>
        Message-ID: <{bounceId ?? Guid.NewGuid().ToString("N")}@isp.example>
        MIME-Version: 1.0
        Content-Type: multipart/report; report-type=feedback-report;
             boundary="part1_13d.2e68ed54_boundary"

        --part1_13d.2e68ed54_boundary
        Content-Type: text/plain; charset="US-ASCII"
        Content-Transfer-Encoding: 7bit

        This is an email abuse report for an email message received from IP
        192.0.2.1 on Thu, 3 Dec 2026 11:00:00 +0000.

        --part1_13d.2e68ed54_boundary
        Content-Type: message/feedback-report

        Feedback-Type: {feedbackType}
        User-Agent: SomeGenerator/1.0
        Version: 1
        Original-Mail-From: <portal@portal.test>
        {(recipient is null ? "" : $"Original-Rcpt-To: <{recipient}>")}
        Arrival-Date: Thu, 3 Dec 2026 11:00:00 +0000
        Source-IP: 192.0.2.1

        --part1_13d.2e68ed54_boundary
        Content-Type: message/rfc822
        Content-Disposition: inline

        From: <portal@portal.test>
        Received: from mailserver.example.net (mailserver.example.net [192.0.2.1])
                by example.com with ESMTP id M63d4137594e46;
                Thu, 3 Dec 2026 11:00:00 +0000
        To: <{recipient ?? "redacted@isp.example"}>
        Subject: Hello
        MIME-Version: 1.0
        Content-type: text/plain
        Message-ID: <{messageId}>
        Date: Thu, 3 Dec 2026 10:59:00 +0000

        Dear nonprofit,

        --part1_13d.2e68ed54_boundary--
        """.Replace("\r\n", "\n").Replace("\n", "\r\n");

    /// <summary>A qmail-style bounce: no report part, the failure in words and the original quoted below.</summary>
    public static string InWords(string messageId, string recipient, string failure = "Remote host said: 550 5.1.1 The email account that you tried to reach does not exist.") => $"""
        Return-Path: <>
        From: MAILER-DAEMON@legacy.example.net
        To: bounces@foundation.test
        Subject: failure notice
        Message-ID: <{Guid.NewGuid():N}@legacy.example.net>
        Date: Wed, 2 Dec 2026 08:00:00 +0000

        Hi. This is the qmail-send program at legacy.example.net.
        I'm afraid I wasn't able to deliver your message to the following addresses.
        This is a permanent error; I've given up. Sorry it didn't work out.

        <{recipient}>:
        {failure}

        --- Below this line is a copy of the message.

        Return-Path: <portal@portal.test>
        Received: (qmail 1234 invoked from network); 2 Dec 2026 07:59:59 -0000
        From: Portal Tests <portal@portal.test>
        To: Recipient <{recipient}>
        Subject: Hello
        Message-ID: <{messageId}>

        Dear nonprofit, the 5.1.1 in this quoted body must not count.
        """.Replace("\r\n", "\n").Replace("\n", "\r\n");

    /// <summary>A message that is no bounce: an out-of-office reply.</summary>
    public static string OutOfOffice(string subject = "Out of office") => $"""
        From: Someone <someone@example.org>
        To: bounces@foundation.test
        Subject: {subject}
        Message-ID: <{Guid.NewGuid():N}@example.org>
        Date: Wed, 2 Dec 2026 08:00:00 +0000

        I am away until Monday.
        """.Replace("\r\n", "\n").Replace("\n", "\r\n");
}
