namespace LambdaGuard.Infra.Configuration;

public sealed record KmsKeySetting
{
    public static readonly KmsKeySetting None = new(KmsKeyMode.None, null);

    public static readonly KmsKeySetting Create = new(KmsKeyMode.Create, null);

    private KmsKeySetting(KmsKeyMode mode, string? keyArn)
    {
        Mode = mode;
        KeyArn = keyArn;
    }

    public KmsKeyMode Mode { get; }

    public string? KeyArn { get; }

    public static KmsKeySetting Existing(string keyArn) => new(KmsKeyMode.Existing, keyArn);
}
