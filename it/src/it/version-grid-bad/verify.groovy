def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
assert log.contains('xenacpi.linuxVersions: a Linux version looks like 6.6, not "six" (in "6.1,six")')
assert !log.contains('For input string')
