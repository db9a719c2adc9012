// Entry point replaced by the reliability runner.
return 0;
