// String mistakes.
var s1 = 'not closed
//@[09:20) [HN001 (Error)] this string is not closed: add ' before the end of the line |'not closed|
var s2 = "double quoted"
//@[09:24) [HN001 (Error)] strings take single quotes in Bicep: write '...' instead of "..." |"double quoted"|
var s3 = 'bad escape \q here'
//@[21:23) [HN001 (Error)] '\q' is not an escape Bicep knows; use \\, \', \n, \r, \t, \$ or \u{...} |\q|
var s4 = 'unicode \u{110000} too big'
//@[18:28) [HN001 (Error)] this \u{...} escape is beyond the last Unicode code point (10FFFF) |\u{110000}|
var s5 = 'unicode \u{zz}'
//@[18:21) [HN001 (Error)] a \u{...} escape needs hexadecimal digits and a closing } |\u{|
var s6 = 'hole ${} empty'
//@[17:18) [HN001 (Error)] expected an expression inside ${} |}|
var s7 = 'hole ${a b} extra'
//@[19:20) [HN001 (Error)] unexpected text inside ${...}: close the expression with } |b|
var s8 = 'hole ${'inner} not closed'
//@[09:36) [HN001 (Error)] this string is not closed: add } and ' before the end of the line |'hole ${'inner} not closed'|
var s9 = 'object in hole ${{a: 1}}'
//@[27:28) [HN001 (Error)] an object cannot be written here (for example inside ${...}); put it in a variable first |{|
var s10 = 'array in hole ${[1]}'
//@[27:28) [HN001 (Error)] an array cannot be written here (for example inside ${...}); put it in a variable first |[|
var s11 = 'ok ${a} and ${b.c}'
var s12 = '''
multi-line strings may span lines and hold 'quotes' and ${not holes}
'''
var s13 = $'''
interpolated ${environment()} multi-line
'''
var s14 = '''never closed
var s15 = 'swallowed by the multi-line string'

//@[00:00) [HN001 (Error)] this multi-line string (from line 19) is not closed: add ''' at its end ||