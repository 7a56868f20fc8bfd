// Expression mistakes on one line each; the next line must parse.
var a1 = 1 +
//@[12:12) [HN001 (Error)] expected an expression after '+' ||
var a2 = * 2
//@[09:10) [HN001 (Error)] expected an expression after '=' |*|
var a3 = (1 + 2
//@[09:10) [HN001 (Error)] this '(' is not closed: add ')' |(|
var a4 = ()
//@[10:10) [HN001 (Error)] expected an expression inside '( )' ||
var a5 = (1, 2)
//@[10:10) [HN001 (Error)] parentheses hold exactly one expression; remove the ',' ||
var a6 = f(1,
//@[10:11) [HN001 (Error)] this '(' is not closed: add ')' |(|
var a7 = f(1 2)
//@[13:14) [HN001 (Error)] expected ',' or ')' after the argument |2|
var a8 = f(1,)
//@[13:14) [HN001 (Error)] remove the trailing ',': a list of arguments cannot end with a comma |)|
var a9 = x.
//@[11:11) [HN001 (Error)] expected a property or function name after '.' ||
var a10 = x[]
//@[12:13) [HN001 (Error)] expected an index expression between [ and ] |]|
var a11 = x[1
//@[13:13) [HN001 (Error)] expected ']' to close the index ||
var a12 = x::
//@[13:13) [HN001 (Error)] expected a nested resource name after '::' ||
var a13 = b ? c
//@[15:15) [HN001 (Error)] expected ':' and the value for when the condition is false ||
var a14 = b ? : c
//@[14:15) [HN001 (Error)] expected an expression after '?' |:|
var a15 = !
//@[11:11) [HN001 (Error)] expected an expression after '!' ||
var a16 = -
//@[11:11) [HN001 (Error)] expected an expression after '-' ||
var a17 = 1 & 2
//@[12:13) [HN001 (Error)] a single '&' is not an operator; write && for a logical and |&|
var a18 = a.?b()
//@[12:13) [HN001 (Error)] '.?' cannot be used to call a function: write '.' instead |?|
var a19 = 99999999999999999999999
//@[10:33) [HN001 (Error)] this number is too large: Bicep integers go up to 18446744073709551615 |99999999999999999999999|
var a20 = x => 
//@[15:15) [HN001 (Error)] expected an expression after '=>' ||
var a21 = (a, 1) => a
//@[14:15) [HN001 (Error)] a lambda parameter must be a plain name |1|
var a22 = 1 2
//@[12:13) [HN001 (Error)] unexpected text after the end of the declaration: start a new line |2|
var a23 = @
//@[10:11) [HN001 (Error)] expected an expression after '=' |@|
var a24 = ;
//@[10:11) [HN001 (Error)] expected an expression after '=' |;|
var ok = a ?? b || c && d == e =~ f < g + h * -i
