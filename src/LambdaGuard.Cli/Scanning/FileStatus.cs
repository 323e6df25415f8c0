using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace LambdaGuard.Cli.Scanning;

/// <summary>What a path is once symbolic links are followed, and its identity (device and inode), so a folder
/// walk can tell a FIFO from a file without opening it (opening a FIFO blocks) and notice a folder or file it
/// has already seen through another link.</summary>
public readonly record struct FileStatus(FileKind Kind, ulong Device, ulong Inode)
{
    private const int AtCurrentDirectory = -100;
    private const uint StatxType = 0x1;
    private const uint StatxInode = 0x100;
    private const int StatxBufferBytes = 256;

    /// <summary>Null with <paramref name="error"/> set when the path cannot be examined (missing, a broken
    /// link, no permission on a parent folder, a link loop).</summary>
    public static FileStatus? Get(string path, out string? error, out bool missing)
    {
        ArgumentNullException.ThrowIfNull(path);
        return OperatingSystem.IsLinux() ? GetLinux(path, out error, out missing) : GetPortable(path, out error, out missing);
    }

    // statx has one layout on every Linux architecture (unlike stat), so no per-architecture struct is needed.
    private static FileStatus? GetLinux(string path, out string? error, out bool missing)
    {
        var buffer = new byte[StatxBufferBytes];
        if (NativeMethods.Statx(AtCurrentDirectory, path, 0, StatxType | StatxInode, buffer) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            missing = errno is 2 or 20; // ENOENT, ENOTDIR
            error = Marshal.GetPInvokeErrorMessage(errno);
            return null;
        }

        var mode = BitConverter.ToUInt16(buffer, 28);
        var inode = BitConverter.ToUInt64(buffer, 32);
        var device = ((ulong)BitConverter.ToUInt32(buffer, 136) << 32) | BitConverter.ToUInt32(buffer, 140);
        var kind = (mode & 0xF000) switch
        {
            0x8000 => FileKind.RegularFile,
            0x4000 => FileKind.Directory,
            0x1000 => FileKind.Fifo,
            0x2000 => FileKind.CharacterDevice,
            0x6000 => FileKind.BlockDevice,
            0xC000 => FileKind.Socket,
            _ => FileKind.Other,
        };
        error = null;
        missing = false;
        return new FileStatus(kind, device, inode);
    }

    // Elsewhere .NET cannot tell device files apart; identity falls back to the fully resolved path.
    private static FileStatus? GetPortable(string path, out string? error, out bool missing)
    {
        error = null;
        missing = false;
        try
        {
            FileSystemInfo info = Directory.Exists(path) ? new DirectoryInfo(path) : new FileInfo(path);
            if (!info.Exists)
            {
                missing = true;
                error = "no such file or folder";
                return null;
            }

            var resolved = info.LinkTarget is null ? info.FullName : info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? info.FullName;
            var identity = BitConverter.ToUInt64(SHA256.HashData(Encoding.UTF8.GetBytes(resolved)));
            return new FileStatus(info is DirectoryInfo ? FileKind.Directory : FileKind.RegularFile, 0, identity);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error = ex.Message;
            return null;
        }
    }

    private static class NativeMethods
    {
        [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int Statx(int directoryFd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, [Out] byte[] buffer);
    }
}
