/* A stand-in for the LMS script (helper scorm-runtime writes the real one): package
   pages load assets/js/lms.js (hooks/scorm.py); until then it does nothing. */
