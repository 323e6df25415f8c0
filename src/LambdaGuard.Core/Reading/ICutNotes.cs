namespace LambdaGuard.Core.Reading;

/// <summary>What <see cref="StructuralCut"/> tells an observer while crossing a value: each key with the
/// depth of its object, each value's first byte (a container's is its only one noted), each container's
/// close with the depth left.</summary>
internal interface ICutNotes
{
    void Key(ReadOnlySpan<byte> key, int depth);

    void Value(int start, int length, byte first);

    void Closed(int depth);
}
