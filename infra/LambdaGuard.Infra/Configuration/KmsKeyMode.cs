namespace LambdaGuard.Infra.Configuration;

public enum KmsKeyMode
{
    None,
    Create,
    Existing,
}
