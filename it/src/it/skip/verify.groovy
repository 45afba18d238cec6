// xenacpi.skip: nothing is validated or written, the build passes.
def log = new File(basedir, 'build.log').text
assert log.contains('Skipping xenacpi:validate because xenacpi.skip is set')
assert !new File(basedir, 'target/xenacpi').exists()
