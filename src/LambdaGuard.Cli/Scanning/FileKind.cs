namespace LambdaGuard.Cli.Scanning;

public enum FileKind
{
    RegularFile,
    Directory,
    Fifo,
    CharacterDevice,
    BlockDevice,
    Socket,
    Other,
}
