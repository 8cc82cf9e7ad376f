Console.Error.WriteLine("bluerobin-manifests: not yet implemented");
return 1;
