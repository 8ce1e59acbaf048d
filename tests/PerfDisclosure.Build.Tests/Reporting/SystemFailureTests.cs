using PerfDisclosure.Build.Publishing;
using PerfDisclosure.Build.Reporting;
using PerfDisclosure.Testing;

namespace PerfDisclosure.Build.Tests.Reporting;

/// <summary>
/// A failure of the machine reaches a Chinese reader as a Chinese sentence saying what went wrong and what to do,
/// with the system's English words quoted after it (they name the path); an English reader gets those words as they
/// are. The failures are made for real where the machine allows it, else as the runtime raises them.
/// </summary>
public class SystemFailureTests
{
    public static TheoryData<string> RealFailures => ["a file that does not exist", "a folder that does not exist", "a name too long", "a file locked by another handle", "a file below a file", "a file moved onto another"];

    [Theory]
    [MemberData(nameof(RealFailures))]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // the lock and the errno numbers are Unix ones
    public void A_real_failure_is_told_in_chinese_with_the_path_and_the_systems_words_quoted(string failure)
    {
        var folder = Repo.TempDir("system-failure");
        var path = Path.Combine(folder, "x.yaml");
        var (expected, sentence) = failure switch
        {
            "a file that does not exist" => (Fail(() => File.ReadAllText(path)), "找不到文件或文件夹"),
            "a folder that does not exist" => (Fail(() => File.WriteAllText(Path.Combine(folder, "missing", "x.yaml"), "x")), "找不到文件或文件夹"),
            "a name too long" => (Fail(() => File.WriteAllText(Path.Combine(folder, new string('长', 300) + ".yaml"), "x")), "路径过长"),
            "a file locked by another handle" => (Locked(path), "文件正被其他程序占用"),
            "a file below a file" => (Fail(() => File.ReadAllText(Path.Combine(Write(path), "y.yaml"))), "找不到文件或文件夹"),
            _ => (Fail(() => File.Move(Write(Path.Combine(folder, "a.yaml")), Write(path))), "已有同名的文件或文件夹"),
        };

        var zh = SystemFailure.In(expected, "zh");

        Assert.StartsWith(sentence + "：", zh, StringComparison.Ordinal);
        Assert.EndsWith($"（原文：“{expected.Message}”）", zh, StringComparison.Ordinal);
        Assert.Contains(folder, zh, StringComparison.Ordinal);
        Assert.Equal(expected.Message, SystemFailure.In(expected, "en"));
    }

    /// <summary>Failures a test cannot make on every machine (root ignores permissions; a full or read-only disk needs a mount), as the runtime raises them on Linux.</summary>
    public static TheoryData<string, string> RaisedFailures => new()
    {
        { "no space", "磁盘空间已满：请清理磁盘，或换用空间充足的位置后重试（原文：“No space left on device : '/data/site/x.html'”）" },
        { "over quota", "磁盘空间已满：请清理磁盘，或换用空间充足的位置后重试（原文：“Disk quota exceeded : '/data/site/x.html'”）" },
        { "denied", "没有权限访问该路径：请检查文件或文件夹的权限，或换用有权限的位置（原文：“Access to the path '/data/site/x.html' is denied.”）" },
        { "read-only", "文件系统是只读的：请换用可以写入的位置（原文：“Read-only file system : '/data/site/x.html'”）" },
        { "unknown", "读写文件时出错：请检查路径和磁盘后重试（原文：“Input/output error : '/data/site/x.html'”）" },
    };

    [Theory]
    [MemberData(nameof(RaisedFailures))]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")] // errno numbers
    public void A_failure_is_recognised_by_its_type_and_error_number(string failure, string zh)
    {
        Exception e = failure switch
        {
            "no space" => new IOException("No space left on device : '/data/site/x.html'", 28),
            "over quota" => new IOException("Disk quota exceeded : '/data/site/x.html'", 122),
            "denied" => new UnauthorizedAccessException("Access to the path '/data/site/x.html' is denied.", new IOException("Permission denied", 13)),
            "read-only" => new IOException("Read-only file system : '/data/site/x.html'", 30),
            _ => new IOException("Input/output error : '/data/site/x.html'", 5),
        };

        Assert.Equal(zh, SystemFailure.In(e, "zh"));
        Assert.Equal(e.Message, SystemFailure.In(e, "en"));
    }

    [Fact]
    public void An_io_exception_made_by_code_is_not_taken_for_a_system_error()
    {
        // Its HResult is COR_E_IO, not an errno: the generic sentence, whatever the words say.
        Assert.Equal(SystemFailure.Kind.Other, SystemFailure.Of(new IOException("No space left on device")));
    }

    [Fact]
    public void The_tools_own_failure_is_its_own_message_in_each_language()
    {
        var error = Assert.Throws<OutputPathException>(() => new SiteWriter(Repo.TempDir("writer")).WriteText("../x.html", "x"));

        Assert.Equal("拒绝写到网站文件夹之外：“../x.html”", SystemFailure.In(error, "zh"));
        Assert.Equal("refusing to write outside the site: '../x.html'", SystemFailure.In(error, "en"));
        Assert.Equal(error.MessageZh, SystemFailure.Chinese(error));
    }

    private static Exception Fail(Action action) => Assert.ThrowsAny<Exception>(action);

    private static string Write(string path)
    {
        File.WriteAllText(path, "x");
        return path;
    }

    /// <summary>A second open of a file held with FileShare.None (an exclusive flock on Unix), as another process's editor would hold it.</summary>
    private static Exception Locked(string path)
    {
        using var held = new FileStream(Write(path), FileMode.Open, FileAccess.ReadWrite, FileShare.None);
        return Fail(() => new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None).Dispose());
    }
}
