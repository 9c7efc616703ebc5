using NonprofitPortal.Features.Drafts;
using NonprofitPortal.Features.Media;

namespace NonprofitPortal.Tests.Features.Media;

public sealed class AttachmentTypesTests
{
    private const long Image = 2 * 1024 * 1024;
    private const long Attachments = 10 * 1024 * 1024;

    [Theory]
    [InlineData(MediaSamples.Pdf, "Guidelines 2027.pdf", "application/pdf", "guidelines-2027.pdf")]
    [InlineData(MediaSamples.Xlsx, "Budget.XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "budget.xlsx")]
    [InlineData(MediaSamples.Jpeg, "photo.jpg", ImageFormats.Jpeg, "photo.jpg")]
    public void A_document_or_an_image_is_kept_as_what_its_content_is(string sample, string uploadedAs, string contentType, string keptAs)
    {
        var (type, problem) = MediaRules.CheckUpload(uploadedAs, MediaSamples.Read(sample), Image, Attachments);

        Assert.Equal((contentType, null), (type, problem));
        Assert.Equal(keptAs, MediaRules.FileName(uploadedAs, type!));
    }

    [Fact]
    public void A_text_file_is_an_attachment_and_a_file_with_zero_bytes_in_it_is_not_text()
    {
        Assert.Equal("text/csv", MediaRules.CheckUpload("list.csv", "name,email\nA,a@a.org\n"u8.ToArray(), Image, Attachments).ContentType);
        Assert.StartsWith("The file is named .txt but its content is not", MediaRules.CheckUpload("notes.txt", [0x41, 0x00, 0x42], Image, Attachments).Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("setup.exe", "Programs cannot be attached")]
    // A program renamed as a document is still a program.
    [InlineData("guidelines.pdf", "Programs cannot be attached")]
    public void A_program_is_refused_whatever_its_name(string name, string problem)
    {
        byte[] windowsProgram = [(byte)'M', (byte)'Z', 0x90, 0x00, 0x03, 0x00, 0x00, 0x00];

        Assert.StartsWith(problem, MediaRules.CheckUpload(name, windowsProgram, Image, Attachments).Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("invoice.docm", ".docm files cannot be attached")]
    [InlineData("run.js", ".js files cannot be attached")]
    [InlineData("README", "Files without an extension cannot be attached")]
    [InlineData("notes.html", ".html files cannot be attached")]
    public void A_type_that_can_carry_code_or_is_unknown_is_refused_naming_what_may_be_attached(string name, string problem)
    {
        var refusal = MediaRules.CheckUpload(name, "<svg onload=alert(1)>"u8.ToArray(), Image, Attachments).Problem;

        Assert.StartsWith(problem, refusal, StringComparison.Ordinal);
        Assert.Contains("Attach PDF, Word (.docx), Excel (.xlsx)", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void An_svg_is_refused_as_an_image()
    {
        Assert.StartsWith("Only PNG, JPEG, GIF and WebP images", MediaRules.CheckUpload("logo.svg", MediaSamples.Read(MediaSamples.Svg), Image, Attachments).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_document_whose_content_is_not_what_its_name_says_is_refused()
    {
        var (_, problem) = MediaRules.CheckUpload("budget.xlsx", MediaSamples.Read(MediaSamples.Pdf), Image, Attachments);

        Assert.Equal("The file is named .xlsx but its content is not that kind of file. Save it again from the program that made it.", problem);
    }

    [Fact]
    public void Attachments_may_weigh_up_to_the_limit_in_all_and_must_be_in_the_library()
    {
        AttachedFile[] files = [new(1, "a.pdf", "application/pdf", 6 * 1024 * 1024), new(2, "b.pdf", "application/pdf", 4 * 1024 * 1024)];

        Assert.Null(DraftRules.AttachmentsProblem([1, 2], files, Attachments));
        Assert.Equal(
            "The attachments come to 10 MB; every message may carry at most 9 MB (Campaigns:MaxAttachmentBytes). Remove one, or link to it instead.",
            DraftRules.AttachmentsProblem([1, 2], files, 9 * 1024 * 1024));
        Assert.Equal("There is no file 3 in the media library (any more): attach another.", DraftRules.AttachmentsProblem([1, 3], files[..1], Attachments));
    }
}
